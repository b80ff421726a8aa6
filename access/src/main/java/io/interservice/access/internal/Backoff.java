package io.interservice.access.internal;

import io.interservice.access.RetryPolicy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** Capped exponential backoff with full jitter. Thread-safe if the random source is. */
final class Backoff {
  private final long baseNanos;
  private final long maxNanos;
  private final RandomGenerator random;

  Backoff(RetryPolicy policy, RandomGenerator random) {
    this.baseNanos = policy.baseDelay().toNanos();
    this.maxNanos = policy.maxDelay().toNanos();
    this.random = random;
  }

  /** The upper bound of the wait before retry {@code n} (n ≥ 1). */
  Duration cap(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1, was " + retry);
    }
    int shift = Math.min(retry - 1, 62);
    long cap = baseNanos > (maxNanos >> shift) ? maxNanos : Math.min(maxNanos, baseNanos << shift);
    return Duration.ofNanos(cap);
  }

  /** A uniformly random wait in {@code [0, cap(retry)]}. */
  Duration delay(int retry) {
    long cap = cap(retry).toNanos();
    return cap == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(cap + 1));
  }
}
