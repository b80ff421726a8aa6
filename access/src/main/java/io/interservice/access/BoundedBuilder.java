package io.interservice.access;

import io.interservice.access.internal.BoundedReader;
import io.interservice.access.replica.Replica;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Builds a bounded reader: a replica whose reads are served locally only while its watermark is at
 * most {@code bound} old, and from the owner past it. Not thread-safe; the reader it builds is.
 *
 * <p>Defaults: a 500 ms bound, the {@link BoundPolicy#REJECT} policy, a 1 s wait for {@link
 * BoundPolicy#WAIT}, the system clock. {@link #build()} refuses a bound shorter than the owner's
 * watermark interval plus its relay's delay, which would send reads to the owner between heartbeats
 * when nothing is wrong.
 */
public final class BoundedBuilder<K, V> {
  private final Replica<K, V> replica;
  private final Reader<K, V> owner;
  private Duration bound = Duration.ofMillis(500);
  private Duration heartbeat = Duration.ofMillis(100);
  private Duration relayDelay = Duration.ofMillis(100);
  private BoundPolicy policy = BoundPolicy.REJECT;
  private Duration waitLimit = Duration.ofSeconds(1);
  private InstantSource clock = InstantSource.system();
  private Sleeper sleeper = Sleeper.system();

  BoundedBuilder(Replica<K, V> replica, Reader<K, V> owner) {
    this.replica = Objects.requireNonNull(replica, "replica");
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  /** How old the replica's watermark may be for a read to be served from it. */
  public BoundedBuilder<K, V> bound(Duration value) {
    bound = value;
    return this;
  }

  /**
   * What the owner's relay promises: a watermark at least every {@code interval}, arriving at most
   * {@code delay} after its instant (the relay's and the broker's time, measured).
   */
  public BoundedBuilder<K, V> heartbeat(Duration interval, Duration delay) {
    heartbeat = interval;
    relayDelay = delay;
    return this;
  }

  /** What a read past the bound does when the owner cannot answer it. */
  public BoundedBuilder<K, V> policy(BoundPolicy value) {
    policy = value;
    return this;
  }

  /** How long {@link BoundPolicy#WAIT} waits for the watermark to come back within the bound. */
  public BoundedBuilder<K, V> waitLimit(Duration value) {
    waitLimit = value;
    return this;
  }

  /** The clock that dates reads against the owner's watermark (tests pass a fake one). */
  public BoundedBuilder<K, V> clock(InstantSource value) {
    clock = value;
    return this;
  }

  /** How {@link BoundPolicy#WAIT} waits (tests pass one that advances a fake clock). */
  public BoundedBuilder<K, V> sleeper(Sleeper value) {
    sleeper = value;
    return this;
  }

  /**
   * The reader.
   *
   * @throws IllegalArgumentException for a bound shorter than the heartbeat interval plus the
   *     relay's delay (naming the three values), or a negative duration
   */
  public Reader<K, V> build() {
    if (waitLimit.isNegative()) {
      throw new IllegalArgumentException("the wait limit must not be negative, was " + waitLimit);
    }
    requireBoundAboveHeartbeat(bound, heartbeat, relayDelay);
    return new BoundedReader<>(
        replica, replica::watermark, owner, bound, policy, waitLimit, clock, sleeper);
  }

  /**
   * Refuses a bound shorter than the watermark interval plus the relay's delay: between two
   * heartbeats every read would go to the owner even when nothing is wrong.
   *
   * @throws IllegalArgumentException naming the three values, or for a negative one
   */
  public static void requireBoundAboveHeartbeat(
      Duration bound, Duration heartbeat, Duration relayDelay) {
    for (Duration d : new Duration[] {bound, heartbeat, relayDelay}) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("durations must not be negative, was " + d);
      }
    }
    if (bound.compareTo(heartbeat.plus(relayDelay)) < 0) {
      throw new IllegalArgumentException(
          "a staleness bound of "
              + bound.toMillis()
              + "ms is shorter than the watermark interval ("
              + heartbeat.toMillis()
              + "ms) plus the relay's delay ("
              + relayDelay.toMillis()
              + "ms): between two heartbeats every read would go to the owner; use a bound of at"
              + " least "
              + heartbeat.plus(relayDelay).toMillis()
              + "ms");
    }
  }
}
