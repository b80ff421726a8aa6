package io.interservice.protocol;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with full jitter: before retry {@code n} wait a uniformly random time
 * in {@code [0, min(max, base × 2^(n-1))]}. Thread-safe if the random source is.
 */
public final class Backoff {
  private final long baseNanos;
  private final long maxNanos;
  private final RandomGenerator random;

  /**
   * A backoff starting at {@code base} and capped at {@code max}.
   *
   * @throws IllegalArgumentException if {@code base} is negative or {@code max} below it
   */
  public Backoff(Duration base, Duration max, RandomGenerator random) {
    if (base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 <= base <= max, got " + base + " and " + max);
    }
    this.baseNanos = base.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** The upper bound of the wait before retry {@code n} (n ≥ 1). */
  public Duration cap(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1, was " + retry);
    }
    int shift = Math.min(retry - 1, 62);
    long cap = baseNanos > (maxNanos >> shift) ? maxNanos : Math.min(maxNanos, baseNanos << shift);
    return Duration.ofNanos(cap);
  }

  /** A uniformly random wait in {@code [0, cap(retry)]}. */
  public Duration delay(int retry) {
    long cap = cap(retry).toNanos();
    return cap == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(cap + 1));
  }
}
