package io.interservice.access.push;

import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.ReaderStats;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A local copy of data owned elsewhere, kept current by the owner's deliveries and snapshots. Every
 * value is applied by version: an older or repeated delivery changes nothing, so duplicates and
 * reordering are harmless. Reads are local; until {@link #markReady()} (the first snapshot is in)
 * they are unavailable. Thread-safe.
 *
 * @param <V> the value type; keys are strings
 */
public final class LocalCopy<V> implements Reader<String, V> {
  private final String owner;
  private final ConcurrentHashMap<String, Versioned<V>> values = new ConcurrentHashMap<>();
  private final LongAdder reads = new LongAdder();
  private final LongAdder applied = new LongAdder();
  private final LongAdder ignored = new LongAdder();
  private volatile boolean ready;

  /** An empty copy of data that {@code owner} owns. */
  public LocalCopy(String owner) {
    this.owner = owner;
  }

  /**
   * Applies version {@code version} of {@code key}, current since {@code asOf}, unless the copy
   * holds that version or a newer one.
   *
   * @return whether it changed the copy
   */
  public boolean apply(String key, V value, long version, Instant asOf) {
    Versioned<V> update =
        new Versioned<>(value, new Provenance(version, asOf, Source.REPLICA, null));
    boolean[] changed = {false};
    values.compute(
        key,
        (k, old) -> {
          if (old != null && old.provenance().version() >= version) {
            return old;
          }
          changed[0] = true;
          return update;
        });
    (changed[0] ? applied : ignored).increment();
    return changed[0];
  }

  /** From now on reads are served: the first snapshot is in. */
  public void markReady() {
    ready = true;
  }

  /** Whether reads are served. */
  public boolean ready() {
    return ready;
  }

  /** Per reconciliation bucket: {count, checksum} of the (key, version) pairs held. */
  public long[][] checksums(int buckets) {
    List<Map.Entry<String, Long>> entries =
        values.entrySet().stream()
            .<Map.Entry<String, Long>>map(
                e -> new AbstractMap.SimpleEntry<>(e.getKey(), e.getValue().provenance().version()))
            .toList();
    return Buckets.sums(entries, buckets);
  }

  @Override
  public Read<String, V> read(Set<String> keys) {
    reads.increment();
    if (!ready) {
      return new Read.Unavailable<>(
          owner,
          Read.Reason.OWNER_FAILED,
          owner + ": the local copy is still being loaded",
          Duration.ofSeconds(1));
    }
    Map<String, Versioned<V>> found = new HashMap<>();
    Set<String> unknown = new HashSet<>();
    for (String k : keys) {
      Versioned<V> v = values.get(k);
      if (v == null) {
        unknown.add(k);
      } else {
        found.put(k, v);
      }
    }
    return new Read.Found<>(found, unknown);
  }

  @Override
  public ReaderStats stats() {
    return new ReaderStats(reads.sum(), 0, 0, 0, 0, 0);
  }

  /** Updates that changed the copy, and those ignored as older or repeated. */
  public long[] appliedAndIgnored() {
    return new long[] {applied.sum(), ignored.sum()};
  }
}
