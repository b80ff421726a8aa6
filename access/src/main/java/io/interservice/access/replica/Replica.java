package io.interservice.access.replica;

import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.ReaderStats;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import io.interservice.access.internal.SmallMap;
import io.interservice.access.spi.Change;
import io.interservice.access.spi.ChangeFeed;
import io.interservice.access.spi.ReplicaSink;
import io.interservice.protocol.Buckets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * A local replica of data owned elsewhere, kept by a {@link ChangeFeed}: any key and value type,
 * every change applied by version (older and repeated ones change nothing), deletes kept as
 * tombstones, a watermark where the feed gives one, and checksums over (key, version, value) for
 * reconciliation. Reads are local and answer {@link Read.Reason#NOT_READY} until the feed has
 * bootstrapped it. Thread-safe. Built by {@link io.interservice.access.Access#replica}.
 */
public final class Replica<K, V> implements Reader<K, V>, ReplicaSink<K, V> {

  /**
   * What a key holds: a value, or a tombstone ({@code value} null); {@code read} is the value as a
   * read answers it, built once when the change is applied rather than on every read.
   */
  private record Entry<V>(
      @Nullable V value,
      long version,
      Instant asOf,
      Instant appliedAt,
      @Nullable Versioned<V> read) {}

  private Entry<V> entry(@Nullable V value, long version, Instant asOf) {
    return new Entry<>(
        value,
        version,
        asOf,
        clock.instant(),
        value == null ? null : new Versioned<>(value, new Provenance(version, asOf, source, null)));
  }

  private final String owner;
  private final Source source;
  private final ToLongFunction<V> digest;
  private final InstantSource clock;
  private final ChangeFeed<K, V> feed;
  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicReference<@Nullable Instant> watermark = new AtomicReference<>();
  private final LongAdder reads = new LongAdder();
  private final LongAdder notReady = new LongAdder();
  private final LongAdder applied = new LongAdder();
  private final LongAdder ignored = new LongAdder();
  private final LongAdder deletes = new LongAdder();
  private final LongAdder repaired = new LongAdder();
  private volatile boolean ready;

  Replica(
      String owner,
      Source source,
      ToLongFunction<V> digest,
      InstantSource clock,
      ChangeFeed<K, V> feed) {
    this.owner = owner;
    this.source = source;
    this.digest = digest;
    this.clock = clock;
    this.feed = feed;
  }

  void start() {
    feed.start(this);
  }

  @Override
  public boolean apply(Change<K, V> change) {
    boolean changed =
        switch (change) {
          case Change.Upsert<K, V> u -> put(u.key(), u.value(), u.version(), u.asOf());
          case Change.Delete<K, V> d -> put(d.key(), null, d.version(), d.asOf());
          case Change.Watermark<K, V> w -> advance(w.completeUpTo());
        };
    if (!(change instanceof Change.Watermark<K, V>)) {
      (changed ? applied : ignored).increment();
      if (changed && change instanceof Change.Delete<K, V>) {
        deletes.increment();
      }
    }
    return changed;
  }

  private boolean put(K key, @Nullable V value, long version, Instant asOf) {
    boolean[] changed = {false};
    entries.compute(
        key,
        (k, old) -> {
          if (old != null && old.version() >= version) {
            return old;
          }
          changed[0] = true;
          return entry(value, version, asOf);
        });
    return changed[0];
  }

  private boolean advance(Instant to) {
    Instant before = watermark.getAndAccumulate(to, (a, b) -> a == null || b.isAfter(a) ? b : a);
    return before == null || to.isAfter(before);
  }

  @Override
  public int replaceBucket(
      int bucket, int buckets, List<Change.Upsert<K, V>> owners, Instant askedAt) {
    Map<K, Change.Upsert<K, V>> theirs = new HashMap<>();
    for (Change.Upsert<K, V> u : owners) {
      theirs.put(u.key(), u);
    }
    int fixed = 0;
    for (K key : entries.keySet()) {
      if (Buckets.of(String.valueOf(key), buckets) == bucket && !theirs.containsKey(key)) {
        Entry<V> e = entries.get(key);
        if (e != null && e.value() != null && !e.appliedAt().isAfter(askedAt)) {
          entries.remove(key, e);
          fixed++;
        }
      }
    }
    for (Change.Upsert<K, V> u : theirs.values()) {
      boolean[] changed = {false};
      entries.compute(
          u.key(),
          (k, old) -> {
            if (old != null
                && (old.appliedAt().isAfter(askedAt)
                    || (old.version() == u.version()
                        && old.value() != null
                        && digest.applyAsLong(old.value()) == digest.applyAsLong(u.value())))) {
              return old;
            }
            changed[0] = true;
            return entry(u.value(), u.version(), u.asOf());
          });
      if (changed[0]) {
        fixed++;
      }
    }
    repaired.add(fixed);
    return fixed;
  }

  @Override
  public void bootstrapped() {
    ready = true;
  }

  @Override
  public boolean ready() {
    return ready;
  }

  @Override
  public Buckets.Sums checksums(int buckets) {
    Buckets.Sums sums = new Buckets.Sums(buckets);
    entries.forEach((k, e) -> {
      if (e.value() != null) {
        sums.add(String.valueOf(k), e.version(), digest.applyAsLong(e.value()));
      }
    });
    return sums;
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  /** Owner time up to which the replica is complete, or null while the feed has given none. */
  public @Nullable Instant watermark() {
    return watermark.get();
  }

  @Override
  public Read<K, V> read(Set<K> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keys must not be empty");
    }
    reads.increment();
    if (!ready) {
      notReady.increment();
      return new Read.Unavailable<>(
          owner,
          Read.Reason.NOT_READY,
          owner + ": the replica is still being bootstrapped",
          Duration.ofSeconds(1));
    }
    // the answer is built in two arrays, taken over by an immutable map as they are
    Object[] found = new Object[keys.size()];
    Object[] values = new Object[keys.size()];
    int n = 0;
    List<K> unknown = null;
    for (K k : keys) {
      Entry<V> e = entryOf(k);
      if (e == null || e.read() == null) {
        if (unknown == null) {
          unknown = new ArrayList<>();
        }
        unknown.add(k);
      } else {
        found[n] = k;
        values[n++] = e.read();
      }
    }
    return new Read.Found<>(
        SmallMap.ofDistinct(found, values, n), unknown == null ? Set.of() : Set.copyOf(unknown));
  }

  /**
   * The entry of {@code key}; a {@code String} key (a sku) is looked up as one. The map's lookup
   * calls {@code key.equals}, a call site whose type profile every map lookup in the JVM shares:
   * polluted by other key types, it stays a virtual call compiled out of line, a third of a read's
   * time (docs/benchmarks.md). Looked up as a {@code String}, a final class, the inlined lookup
   * knows the key's exact class and calls {@code String.equals} directly, whatever the profile.
   */
  private @Nullable Entry<V> entryOf(K key) {
    return key instanceof String sku ? entries.get(sku) : entries.get(key);
  }

  @Override
  public ReaderStats stats() {
    return new ReaderStats(reads.sum(), 0, 0, 0, notReady.sum(), notReady.sum());
  }

  /** What the feed has done to the replica so far. */
  public ReplicaStats replicaStats() {
    long live = entries.values().stream().filter(e -> e.value() != null).count();
    return new ReplicaStats(
        live, entries.size() - live, applied.sum(), ignored.sum(), deletes.sum(), repaired.sum());
  }

  /** Closes the feed. */
  @Override
  public void close() {
    feed.close();
  }
}
