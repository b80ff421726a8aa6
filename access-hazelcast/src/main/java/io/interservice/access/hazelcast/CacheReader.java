package io.interservice.access.hazelcast;

import com.hazelcast.replicatedmap.ReplicatedMap;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.ReaderStats;
import io.interservice.access.Versioned;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Reads a replicated map that its owner writes: every read is local to this member (a replicated
 * map holds every entry on every member). It keeps only a read-only view of the map: nothing in
 * this class can write to it. Ready once the owner has marked the map loaded ({@value #LOADED}),
 * whether the entries came from the owner or from a peer while the owner was away. Values the
 * decoder cannot read are counted and treated as unknown, never served. Thread-safe.
 */
public final class CacheReader<V> implements Reader<String, V> {
  /** The key the owner writes once it has loaded the map. */
  public static final String LOADED = "_loaded";

  /** What a reader may do with the map: look up, nothing else. */
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
  }

  private final String owner;
  private final View view;
  private final BiFunction<String, String, Versioned<V>> decode;
  private final LongAdder reads = new LongAdder();
  private final LongAdder notReady = new LongAdder();
  private final LongAdder unreadable = new LongAdder();

  /**
   * A reader of {@code map}, written by {@code owner}, whose values {@code decode} turns (given the
   * key and the value) into a versioned value, or throws for one it cannot read.
   */
  public CacheReader(
      String owner,
      ReplicatedMap<String, String> map,
      BiFunction<String, String, Versioned<V>> decode) {
    this.owner = owner;
    this.view = new View(map);
    this.decode = decode;
  }

  @Override
  public Read<String, V> read(Set<String> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keys must not be empty");
    }
    reads.increment();
    if (!view.loaded()) {
      notReady.increment();
      return new Read.Unavailable<>(
          owner,
          Read.Reason.NOT_READY,
          owner + ": the replicated cache has not been loaded by its owner",
          Duration.ofSeconds(1));
    }
    Map<String, Versioned<V>> found = new HashMap<>(keys.size() * 2);
    List<String> unknown = null;
    for (String key : keys) {
      String raw = key.equals(LOADED) ? null : view.get(key);
      Versioned<V> value = raw == null ? null : decoded(key, raw);
      if (value == null) {
        if (unknown == null) {
          unknown = new ArrayList<>();
        }
        unknown.add(key);
      } else {
        found.put(key, value);
      }
    }
    return new Read.Found<>(found, unknown == null ? Set.of() : Set.copyOf(unknown));
  }

  private @Nullable Versioned<V> decoded(String key, String raw) {
    try {
      return decode.apply(key, raw);
    } catch (RuntimeException e) {
      unreadable.increment();
      return null;
    }
  }

  /** Entries in the map, the marker included. */
  public int size() {
    return view.size();
  }

  /** Values that could not be decoded, so far. */
  public long unreadable() {
    return unreadable.sum();
  }

  @Override
  public ReaderStats stats() {
    return new ReaderStats(reads.sum(), 0, 0, 0, notReady.sum(), notReady.sum());
  }

  @Override
  public boolean ready() {
    return view.loaded();
  }
}
