package io.interservice.owner.push;

import java.time.Duration;

/**
 * How deliveries are retried.
 *
 * @param baseBackoff the first retry's backoff cap; it doubles per attempt
 * @param maxBackoff the largest backoff cap
 * @param maxAttempts attempts before a delivery is dead
 * @param timeout how long one delivery may take
 */
public record PushConfig(
    Duration baseBackoff, Duration maxBackoff, int maxAttempts, Duration timeout) {

  /** 100 ms doubling to at most 5 s, 10 attempts, 2 s per delivery. */
  public static final PushConfig DEFAULT =
      new PushConfig(Duration.ofMillis(100), Duration.ofSeconds(5), 10, Duration.ofSeconds(2));

  /** Validates the fields. */
  public PushConfig {
    if (baseBackoff.isNegative() || baseBackoff.isZero() || maxBackoff.compareTo(baseBackoff) < 0) {
      throw new IllegalArgumentException("need 0 < baseBackoff <= maxBackoff");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }
}
