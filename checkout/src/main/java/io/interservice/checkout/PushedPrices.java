package io.interservice.checkout;

import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.ReaderStats;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import io.interservice.service.Checksums;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The local store that catalog's pushes keep current: every update is applied by version, so an
 * older or repeated delivery changes nothing. Reads are local; until the first snapshot is in, they
 * are unavailable. Thread-safe.
 */
final class PushedPrices implements Reader<String, Price> {
  private final ConcurrentHashMap<String, Versioned<Price>> prices = new ConcurrentHashMap<>();
  private final LongAdder reads = new LongAdder();
  private final LongAdder applied = new LongAdder();
  private final LongAdder ignored = new LongAdder();
  private volatile boolean ready;

  /** Applies an update unless the store has that version or a newer one. */
  boolean apply(String sku, long price, String currency, long version, Instant changedAt) {
    Versioned<Price> update =
        new Versioned<>(
            new Price(price, currency), new Provenance(version, changedAt, Source.REPLICA, null));
    boolean[] changed = {false};
    prices.compute(
        sku,
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

  void markReady() {
    ready = true;
  }

  boolean ready() {
    return ready;
  }

  /**
   * Per bucket, the count and checksum of the (sku, version) pairs held, as catalog computes them.
   */
  long[][] checksums(int buckets) {
    long[][] sums = new long[buckets][2];
    prices.forEach((sku, v) -> {
      int b = Checksums.bucket(sku, buckets);
      sums[b][0]++;
      sums[b][1] += Checksums.entry(sku, v.provenance().version());
    });
    return sums;
  }

  @Override
  public Read<String, Price> read(Set<String> keys) {
    reads.increment();
    if (!ready) {
      return new Read.Unavailable<>(
          "catalog",
          Read.Reason.OWNER_FAILED,
          "catalog: the local copy is still being loaded",
          Duration.ofSeconds(1));
    }
    Map<String, Versioned<Price>> found = new HashMap<>();
    Set<String> unknown = new HashSet<>();
    for (String k : keys) {
      Versioned<Price> v = prices.get(k);
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

  /** Updates applied and ignored (older or repeated), for metrics. */
  long applied() {
    return applied.sum();
  }

  long ignored() {
    return ignored.sum();
  }
}
