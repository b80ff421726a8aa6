package io.interservice.access.hazelcast;

import com.hazelcast.core.EntryAdapter;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.MapEvent;
import com.hazelcast.replicatedmap.ReplicatedMap;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.ReaderStats;
import io.interservice.access.Versioned;
import io.interservice.access.internal.SmallMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Reads a replicated map that its owner writes: every read is local to this member (a replicated
 * map holds every entry on every member). It keeps only a read-only view of the map: nothing in
 * this class can write to it. Ready once the owner has marked the map loaded ({@value #LOADED}),
 * whether the entries came from the owner or from a peer while the owner was away. Values the
 * decoder cannot read are counted and treated as unknown, never served. Thread-safe; {@link #close}
 * stops it.
 *
 * <p>Reads are served from a decoded mirror of this member's copy: decoding a value and going
 * through the map's proxy cost a read microseconds, the mirror tens of nanoseconds. The mirror
 * follows the map's entry events, and a sweep every {@code sweep} compares it with the map and
 * takes whatever changed without an event (Hazelcast copies entries to a joining member, and
 * repairs a member that missed an update, without firing events). Each key's mirror entry is
 * rebuilt from the map's current value, never from an event's, so that the last rebuild wins. A key
 * the mirror does not hold is looked up in the map, so that nothing copied is missed.
 */
public final class CacheReader<V> implements Reader<String, V> {
  /** The key the owner writes once it has loaded the map. */
  public static final String LOADED = "_loaded";

  /** How often the mirror is compared with the map by default. */
  public static final Duration DEFAULT_SWEEP = Duration.ofSeconds(1);

  /** What a reader may do with the map: look up and listen, nothing else. */
  private record View(ReplicatedMap<String, String> map) {
    @Nullable String get(String key) {
      return map.get(key);
    }

    boolean loaded() {
      return map.containsKey(LOADED);
    }

    int size() {
      return map.size();
    }

    Set<Map.Entry<String, String>> entries() {
      return map.entrySet();
    }

    UUID listen(EntryAdapter<String, String> listener) {
      return map.addEntryListener(listener);
    }

    void stopListening(UUID id) {
      map.removeEntryListener(id);
    }
  }

  /** A value of the map as this member holds it, decoded; {@code decoded} null if unreadable. */
  private record Mirrored<V>(String raw, @Nullable Versioned<V> decoded) {}

  private final String owner;
  private final View view;
  private final BiFunction<String, String, Versioned<V>> decode;
  private final ConcurrentHashMap<String, Mirrored<V>> mirror = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper;
  private final UUID listener;
  private volatile boolean loaded;
  private final LongAdder reads = new LongAdder();
  private final LongAdder notReady = new LongAdder();
  private final LongAdder unreadable = new LongAdder();
  private final LongAdder swept = new LongAdder();

  /**
   * A reader of {@code map}, written by {@code owner}, whose values {@code decode} turns (given the
   * key and the value) into a versioned value, or throws for one it cannot read; its mirror is
   * compared with the map every {@link #DEFAULT_SWEEP}.
   */
  public CacheReader(
      String owner,
      ReplicatedMap<String, String> map,
      BiFunction<String, String, Versioned<V>> decode) {
    this(owner, map, decode, DEFAULT_SWEEP);
  }

  /** As above, comparing the mirror with the map every {@code sweep}. */
  public CacheReader(
      String owner,
      ReplicatedMap<String, String> map,
      BiFunction<String, String, Versioned<V>> decode,
      Duration sweep) {
    if (sweep.isNegative() || sweep.isZero()) {
      throw new IllegalArgumentException("sweep must be positive, was " + sweep);
    }
    this.owner = owner;
    this.view = new View(map);
    this.decode = decode;
    this.listener = view.listen(new Follower());
    sweep();
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("cache-reader-sweep").factory());
    sweeper.scheduleWithFixedDelay(
        this::sweepQuietly, sweep.toNanos(), sweep.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public Read<String, V> read(Set<String> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keys must not be empty");
    }
    reads.increment();
    if (!ready()) {
      notReady.increment();
      return new Read.Unavailable<>(
          owner,
          Read.Reason.NOT_READY,
          owner + ": the replicated cache has not been loaded by its owner",
          Duration.ofSeconds(1));
    }
    Object[] found = new Object[keys.size()];
    Object[] values = new Object[keys.size()];
    int n = 0;
    List<String> unknown = null;
    for (String key : keys) {
      // the mirror never holds the loaded marker (follow() does not copy it): a read of it is
      // unknown
      Mirrored<V> m = mirrored(key);
      if (m == null || m.decoded() == null) {
        if (unknown == null) {
          unknown = new ArrayList<>();
        }
        unknown.add(key);
      } else {
        found[n] = key;
        values[n++] = m.decoded();
      }
    }
    return new Read.Found<>(
        SmallMap.ofDistinct(found, values, n), unknown == null ? Set.of() : Set.copyOf(unknown));
  }

  /** Entries in the map, the marker included. */
  public int size() {
    return view.size();
  }

  /** Values that could not be decoded, so far (each counted once per value taken). */
  public long unreadable() {
    return unreadable.sum();
  }

  /** Entries a sweep took rather than an event (the first fill included), so far. */
  public long swept() {
    return swept.sum();
  }

  @Override
  public ReaderStats stats() {
    return new ReaderStats(reads.sum(), 0, 0, 0, notReady.sum(), notReady.sum());
  }

  @Override
  public boolean ready() {
    if (!loaded && view.loaded()) {
      sweep(); // the marker came with a copy from a peer, without events: take that copy now
    }
    return loaded;
  }

  /** Stops following the map. */
  @Override
  public void close() {
    sweeper.shutdownNow();
    view.stopListening(listener);
  }

  /**
   * {@code key}'s mirror entry; one it does not hold is looked up in the map, as it may have been
   * copied to this member without an event since the last sweep (a joining member receives the map
   * partition by partition, the marker maybe first).
   */
  private @Nullable Mirrored<V> mirrored(String key) {
    Mirrored<V> m = mirror.get(key);
    if (m == null) {
      follow(key);
      m = mirror.get(key);
    }
    return m;
  }

  /** Rebuilds {@code key}'s mirror entry from the map's current value. */
  private void follow(String key) {
    if (key.equals(LOADED)) {
      loaded = view.loaded();
      return;
    }
    mirror.compute(
        key,
        (k, old) -> {
          String raw = view.get(k);
          if (raw == null) {
            return null;
          }
          if (old != null && old.raw().equals(raw)) {
            return old;
          }
          return new Mirrored<>(raw, decoded(k, raw));
        });
  }

  /** Takes every entry that differs from the map's, and drops the keys the map no longer has. */
  private synchronized void sweep() {
    int values = 0;
    for (Map.Entry<String, String> e : view.entries()) {
      String key = e.getKey();
      if (key.equals(LOADED)) {
        continue;
      }
      values++;
      Mirrored<V> m = mirror.get(key);
      if (m == null || !m.raw().equals(e.getValue())) {
        swept.increment();
        follow(key);
      }
    }
    if (mirror.size() != values) {
      Set<String> gone = new HashSet<>(mirror.keySet());
      for (Map.Entry<String, String> e : view.entries()) {
        gone.remove(e.getKey());
      }
      gone.forEach(this::follow);
    }
    loaded = view.loaded();
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      // a member shutting down; the next sweep, if any, tries again
    }
  }

  private @Nullable Versioned<V> decoded(String key, String raw) {
    try {
      return decode.apply(key, raw);
    } catch (RuntimeException e) {
      unreadable.increment();
      return null;
    }
  }

  /** Follows each entry event by rebuilding that key from the map, a map-wide one by a sweep. */
  private final class Follower extends EntryAdapter<String, String> {
    @Override
    public void onEntryEvent(EntryEvent<String, String> event) {
      follow(event.getKey());
    }

    @Override
    public void onMapEvent(MapEvent event) {
      sweep();
    }
  }
}
