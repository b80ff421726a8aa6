package io.interservice.access.internal;

import io.interservice.access.BoundPolicy;
import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.ReaderStats;
import io.interservice.access.Sleeper;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A replica read within a staleness bound. The replica is complete up to its watermark W (owner
 * time): every change the owner committed before W has been applied. A read at reader time t is
 * served from the replica while {@code t - W <= bound}, with provenance {@code asOf = W} and the
 * bound; past it, the owner is asked; when the owner cannot answer, the policy decides.
 * Thread-safe.
 */
public final class BoundedReader<K, V> implements Reader<K, V> {
  private static final Duration POLL = Duration.ofMillis(10);

  private final Reader<K, V> replica;
  private final Supplier<@Nullable Instant> watermark;
  private final Reader<K, V> owner;
  private final Duration bound;
  private final long boundNanos;
  private final BoundPolicy policy;
  private final Duration waitLimit;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final LongAdder reads = new LongAdder();
  private final LongAdder unavailable = new LongAdder();

  /** See {@link io.interservice.access.BoundedBuilder}. */
  public BoundedReader(
      Reader<K, V> replica,
      Supplier<@Nullable Instant> watermark,
      Reader<K, V> owner,
      Duration bound,
      BoundPolicy policy,
      Duration waitLimit,
      InstantSource clock,
      Sleeper sleeper) {
    this.replica = replica;
    this.watermark = watermark;
    this.owner = owner;
    this.bound = bound;
    this.boundNanos = bound.toNanos();
    this.policy = policy;
    this.waitLimit = waitLimit;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public Read<K, V> read(Set<K> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keys must not be empty");
    }
    reads.increment();
    Read<K, V> local = withinBound(keys);
    if (local != null) {
      return local;
    }
    Read<K, V> asked = owner.read(keys);
    if (asked instanceof Read.Found<K, V>) {
      return asked;
    }
    Read<K, V> answer =
        switch (policy) {
          case REJECT -> asked;
          case SERVE_STALE -> beyondBound(keys, asked);
          case WAIT -> waitForWatermark(keys, asked);
        };
    if (answer instanceof Read.Unavailable<K, V>) {
      unavailable.increment();
    }
    return answer;
  }

  /** The replica's answer if its watermark is within the bound now, else null. */
  private @Nullable Read<K, V> withinBound(Set<K> keys) {
    Instant w = watermark.get();
    if (w == null || !replica.ready() || !within(clock.instant(), w)) {
      return null;
    }
    if (!(replica.read(keys) instanceof Read.Found<K, V> found)) {
      return null;
    }
    // the answer in two arrays, taken over by an immutable map as they are (as the replica's own),
    // the replica's read by index where it is such a map: no entry made per value
    Map<K, Versioned<V>> read = found.values();
    Object[] dated = new Object[read.size()];
    Object[] values = new Object[dated.length];
    int n = 0;
    if (read instanceof SmallMap<K, Versioned<V>> small) {
      for (; n < dated.length; n++) {
        dated[n] = small.keyAt(n);
        values[n] = dated(small.valueAt(n), w);
      }
    } else {
      for (Map.Entry<K, Versioned<V>> e : read.entrySet()) {
        dated[n] = e.getKey();
        values[n++] = dated(e.getValue(), w);
      }
    }
    return new Read.Found<>(SmallMap.ofDistinct(dated, values, n), found.unknown());
  }

  /** Whether {@code now} is at most the bound past watermark {@code w}; no instant made. */
  private boolean within(Instant now, Instant w) {
    long sinceW =
        (now.getEpochSecond() - w.getEpochSecond()) * 1_000_000_000L
            + (now.getNano() - w.getNano());
    return sinceW <= boundNanos;
  }

  /** {@code v} as read within the bound: known current at watermark {@code w}. */
  private Versioned<V> dated(Versioned<V> v, Instant w) {
    return new Versioned<>(
        v.value(), new Provenance(v.provenance().version(), w, Source.BOUNDED_REPLICA, bound));
  }

  private Read<K, V> beyondBound(Set<K> keys, Read<K, V> ownerAnswer) {
    if (!(replica.read(keys) instanceof Read.Found<K, V> found)) {
      return ownerAnswer; // nothing to serve: not bootstrapped
    }
    Map<K, Versioned<V>> values = new HashMap<>(found.values().size() * 2);
    found
        .values()
        .forEach((k, v) ->
            values.put(
                k,
                new Versioned<>(v.value(), v.provenance().withSource(Source.BEYOND_BOUND, null))));
    return new Read.Found<>(values, found.unknown());
  }

  private Read<K, V> waitForWatermark(Set<K> keys, Read<K, V> ownerAnswer) {
    Instant until = clock.instant().plus(waitLimit);
    try {
      while (clock.instant().isBefore(until)) {
        sleeper.sleep(POLL);
        Read<K, V> local = withinBound(keys);
        if (local != null) {
          return local;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ownerAnswer;
  }

  @Override
  public ReaderStats stats() {
    ReaderStats asked = owner.stats();
    return new ReaderStats(
        reads.sum(),
        asked.ownerCalls(),
        asked.retries(),
        asked.coalesced(),
        asked.rejected(),
        unavailable.sum());
  }

  @Override
  public boolean ready() {
    return replica.ready();
  }

  @Override
  public void close() {
    replica.close();
    owner.close();
  }
}
