package io.interservice.access.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.interservice.access.CacheAsideConfig;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.ReaderStats;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A local cache in front of another reader: fresh values are served locally, missing or expired
 * keys are loaded in one batch (one load per key in flight), values past {@code refreshAfter} are
 * reloaded in the background in batches gathered across reads for {@code refreshBatch}, unknown
 * keys are remembered briefly, and when the owner cannot be asked, values up to {@code maxStale}
 * old are served with their age as staleness bound.
 */
public final class CacheAsideReader<K, V> implements Reader<K, V> {

  /** Keys gathered into one background refresh at most; the owner's batch size. */
  static final int REFRESH_BATCH_KEYS = 100;

  /**
   * A cached answer: a value, or null for a key the owner does not know, and the value as it was
   * last handed out. A value is handed out with its age as staleness bound, in whole milliseconds
   * rounded up (still a bound); reads within the same millisecond share one copy, so that a read of
   * a hot key allocates nothing. The copy is written without a lock: it is immutable, and a read
   * that sees an older one makes a new one.
   */
  private static final class Entry<V> {
    private final @Nullable Versioned<V> value;
    private final long loadedAtMillis;
    private final long asOfNanos;
    private @Nullable Served<V> served;

    Entry(@Nullable Versioned<V> value, long loadedAtMillis) {
      this.value = value;
      this.loadedAtMillis = loadedAtMillis;
      Instant asOf = value == null ? Instant.EPOCH : value.provenance().asOf();
      this.asOfNanos = asOf.getEpochSecond() * 1_000_000_000L + asOf.getNano();
    }

    @Nullable Versioned<V> value() {
      return value;
    }

    /** How long ago the entry was loaded, at {@code nowMillis}, in nanoseconds. */
    long ageNanos(long nowMillis) {
      return (nowMillis - loadedAtMillis) * 1_000_000L;
    }

    /** The value as served at {@code nowMillis}; call only on an entry that holds a value. */
    Versioned<V> servedAt(long nowMillis) {
      Served<V> last = served;
      if (last != null && last.atMillis() == nowMillis) {
        return last.value();
      }
      Versioned<V> v = Objects.requireNonNull(value);
      // the read falls somewhere in the millisecond the clock shows: its end bounds the age
      long sinceAsOf = (nowMillis + 1) * 1_000_000L - asOfNanos;
      long ageMillis = sinceAsOf <= 0 ? 0 : (sinceAsOf + 999_999) / 1_000_000;
      Versioned<V> fresh =
          new Versioned<>(
              v.value(), v.provenance().withSource(Source.CACHE, Duration.ofMillis(ageMillis)));
      served = new Served<>(nowMillis, fresh);
      return fresh;
    }
  }

  /** A value as handed out in the millisecond {@code atMillis}. */
  private record Served<V>(long atMillis, Versioned<V> value) {}

  private final Reader<K, V> owner;
  private final InstantSource clock;
  private final Executor refreshes;
  private final Cache<K, Entry<V>> cache;
  private final ConcurrentHashMap<K, CompletableFuture<Read<K, V>>> loading =
      new ConcurrentHashMap<>();
  private final Object refreshLock = new Object();
  private Set<K> dueForRefresh = new HashSet<>(); // guarded by refreshLock
  private long refreshBatchOpenedMillis; // guarded by refreshLock
  private volatile boolean refreshPending;
  private final LongAdder reads = new LongAdder();
  private final LongAdder loads = new LongAdder();
  private final LongAdder joined = new LongAdder();
  private final LongAdder unavailable = new LongAdder();
  private final LongAdder servedStale = new LongAdder();
  private final long freshNanos;
  private final long refreshAfterNanos;
  private final long maxStaleNanos;
  private final long negativeNanos;
  private final long refreshBatchNanos;

  /** Builds the reader; use {@link io.interservice.access.Access#cacheAside} instead. */
  public CacheAsideReader(
      CacheAsideConfig config, Reader<K, V> owner, InstantSource clock, Executor refreshes) {
    this.owner = owner;
    this.clock = clock;
    this.refreshes = refreshes;
    this.freshNanos = config.fresh().toNanos();
    this.refreshAfterNanos = config.refreshAfter().toNanos();
    this.maxStaleNanos = config.maxStale().toNanos();
    this.negativeNanos = config.negative().toNanos();
    this.refreshBatchNanos = config.refreshBatch().toNanos();
    // no expiry in the cache itself: a read compares each entry's age (one clock read per read,
    // where Caffeine's expiry reads its ticker per lookup), an entry too old for any use is loaded
    // again, and the size bound keeps the memory bounded
    this.cache =
        Caffeine.newBuilder().maximumSize(config.maximumSize()).executor(Runnable::run).build();
  }

  @Override
  public Read<K, V> read(Set<K> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("read of no keys");
    }
    reads.increment();
    // milliseconds suffice (a staleness bound is rounded up to them) and the system clock reads
    // them at a fraction of the cost of an Instant
    long now = clock.millis();
    // the common case (every key cached and fresh) allocates the answer only: ages are compared
    // in nanoseconds, the other collections are made when a key needs them
    Object[] freshKeys = new Object[keys.size()];
    Object[] fresh = new Object[keys.size()];
    int n = 0;
    Set<K> unknown = null;
    Set<K> toLoad = null;
    Set<K> toRefresh = null;
    for (K key : keys) {
      Entry<V> e = cache.getIfPresent(key);
      if (e == null) {
        toLoad = add(toLoad, key);
        continue;
      }
      long age = e.ageNanos(now);
      if (e.value() == null) {
        if (age < negativeNanos) {
          unknown = add(unknown, key);
        } else {
          toLoad = add(toLoad, key);
        }
      } else if (age < freshNanos) {
        freshKeys[n] = key;
        fresh[n++] = e.servedAt(now);
        if (age >= refreshAfterNanos && !loading.containsKey(key)) {
          toRefresh = add(toRefresh, key);
        }
      } else {
        toLoad = add(toLoad, key);
      }
    }
    refreshLater(toRefresh == null ? Set.of() : toRefresh, now);
    if (toLoad == null) {
      return new Read.Found<>(
          SmallMap.ofDistinct(freshKeys, fresh, n), unknown == null ? Set.of() : unknown);
    }
    Map<K, Versioned<V>> found = new HashMap<>(SmallMap.ofDistinct(freshKeys, fresh, n));
    unknown = unknown == null ? new HashSet<>() : unknown;
    Map<K, Read<K, V>> outcomes = load(toLoad);
    Read.Unavailable<K, V> failure = null;
    for (K key : toLoad) {
      Read<K, V> outcome = outcomes.get(key);
      if (outcome instanceof Read.Found<K, V> f && f.values().containsKey(key)) {
        found.put(key, f.values().get(key));
      } else if (outcome instanceof Read.Found<K, V> f && f.unknown().contains(key)) {
        unknown.add(key);
      } else {
        Entry<V> e = cache.getIfPresent(key);
        if (e != null && e.value() != null && e.ageNanos(now) <= maxStaleNanos) {
          found.put(key, e.servedAt(now));
          servedStale.increment();
        } else if (outcome instanceof Read.Unavailable<K, V> down) {
          failure = down;
        } else {
          failure =
              new Read.Unavailable<>(
                  "owner", Read.Reason.OWNER_FAILED, "no answer for " + key, Duration.ofSeconds(1));
        }
      }
    }
    if (failure != null) {
      unavailable.increment();
      return failure;
    }
    return new Read.Found<>(found, unknown);
  }

  private static <T> Set<T> add(@Nullable Set<T> set, T item) {
    Set<T> s = set == null ? new HashSet<>() : set;
    s.add(item);
    return s;
  }

  @Override
  public ReaderStats stats() {
    ReaderStats inner = owner.stats();
    return new ReaderStats(
        reads.sum(),
        inner.ownerCalls(),
        inner.retries(),
        joined.sum(),
        inner.rejected(),
        unavailable.sum());
  }

  /** Reads served stale because the owner could not be asked, for tests and diagnostics. */
  long servedStale() {
    return servedStale.sum();
  }

  /**
   * Loads {@code keys}: keys already being loaded join that load, the others are asked of the owner
   * in one batch. Returns each key's outcome.
   */
  private Map<K, Read<K, V>> load(Set<K> keys) {
    CompletableFuture<Read<K, V>> mine = new CompletableFuture<>();
    Set<K> leading = new HashSet<>();
    Map<K, CompletableFuture<Read<K, V>>> waiting = new HashMap<>();
    for (K key : keys) {
      CompletableFuture<Read<K, V>> theirs = loading.putIfAbsent(key, mine);
      if (theirs == null) {
        leading.add(key);
      } else {
        joined.increment();
        waiting.put(key, theirs);
      }
    }
    Map<K, Read<K, V>> outcomes = new HashMap<>();
    if (!leading.isEmpty()) {
      loads.increment();
      Read<K, V> result;
      try {
        result = owner.read(leading);
        if (result instanceof Read.Found<K, V> f) {
          long at = clock.millis();
          f.values().forEach((k, v) -> cache.put(k, new Entry<>(v, at)));
          f.unknown().forEach(k -> cache.put(k, new Entry<>(null, at)));
        }
      } catch (RuntimeException e) {
        result =
            new Read.Unavailable<>(
                "owner", Read.Reason.OWNER_FAILED, e.toString(), Duration.ofSeconds(1));
      }
      mine.complete(result);
      leading.forEach(k -> loading.remove(k, mine));
      for (K key : leading) {
        outcomes.put(key, result);
      }
    }
    List<K> order = new ArrayList<>(waiting.keySet());
    for (K key : order) {
      outcomes.put(key, waiting.get(key).join());
    }
    return outcomes;
  }

  /**
   * Adds {@code due} to the batch of keys to refresh; once the batch is {@code refreshBatch} old or
   * full, hands it to the refresh executor as one load.
   */
  private void refreshLater(Set<K> due, long now) {
    if (due.isEmpty() && !refreshPending) {
      return;
    }
    Set<K> batch;
    synchronized (refreshLock) {
      if (dueForRefresh.isEmpty()) {
        refreshBatchOpenedMillis = now;
      }
      dueForRefresh.addAll(due);
      boolean old = (now - refreshBatchOpenedMillis) * 1_000_000L >= refreshBatchNanos;
      if (dueForRefresh.isEmpty() || !(old || dueForRefresh.size() >= REFRESH_BATCH_KEYS)) {
        refreshPending = !dueForRefresh.isEmpty();
        return;
      }
      batch = dueForRefresh;
      dueForRefresh = new HashSet<>();
      refreshPending = false;
    }
    refreshes.execute(() -> load(batch));
  }
}
