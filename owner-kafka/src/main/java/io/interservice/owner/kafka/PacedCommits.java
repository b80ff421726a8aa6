package io.interservice.owner.kafka;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Commits a consumer's offsets at most once per interval, and only after the records of its polls
 * were handled: at least once, with up to an interval of records handled again after a restart (for
 * a consumer whose handling of a repeated record changes nothing). A commit per poll costs the
 * consumer a round trip and the brokers a write for every poll; at one record per poll that is one
 * of each per record. Not thread-safe: the polling thread's own.
 */
public final class PacedCommits {
  private final Consumer<?, ?> consumer;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private boolean pending;
  private long last;

  /** Commits of {@code consumer}'s offsets, at most once per {@code interval}. */
  public PacedCommits(Consumer<?, ?> consumer, Duration interval) {
    this(consumer, interval, System::nanoTime);
  }

  PacedCommits(Consumer<?, ?> consumer, Duration interval, LongSupplier nanoTime) {
    this.consumer = consumer;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
    this.last = nanoTime.getAsLong();
  }

  /**
   * Every record the consumer's polls returned so far was handled, {@code polled} of them in the
   * last poll: commits their offsets if the interval since the last commit has passed (a poll that
   * returned nothing still commits what is pending).
   */
  public void handled(int polled) {
    pending |= polled > 0;
    long now = nanoTime.getAsLong();
    if (pending && now - last >= intervalNanos) {
      commit(now);
    }
  }

  /** Commits what is pending now, whatever the interval: before the consumer is closed. */
  public void flush() {
    if (pending) {
      commit(nanoTime.getAsLong());
    }
  }

  private void commit(long now) {
    consumer.commitSync();
    pending = false;
    last = now;
  }
}
