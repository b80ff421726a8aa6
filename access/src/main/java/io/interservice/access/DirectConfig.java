package io.interservice.access;

import java.time.Duration;
import java.util.Objects;

/**
 * How a direct reader asks its owner. Built by {@link DirectBuilder}; immutable.
 *
 * @param owner the owner's name, used in every message and outcome
 * @param attemptTimeout the longest one owner request may take
 * @param deadline the longest a whole read may take, retries and backoff included
 * @param retry the retry policy
 * @param breaker the circuit breaker policy
 * @param maxConcurrent owner requests in flight at most; further reads are refused at once
 * @param maxBatchSize keys per owner request at most; larger reads are split
 * @param coalesce whether a read joins an identical read already in flight
 */
public record DirectConfig(
    String owner,
    Duration attemptTimeout,
    Duration deadline,
    RetryPolicy retry,
    BreakerPolicy breaker,
    int maxConcurrent,
    int maxBatchSize,
    boolean coalesce) {

  /** Validates the fields. */
  public DirectConfig {
    if (Objects.requireNonNull(owner, "owner").isBlank()) {
      throw new IllegalArgumentException("owner must not be blank");
    }
    requirePositive(attemptTimeout, "attemptTimeout");
    requirePositive(deadline, "deadline");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(breaker, "breaker");
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be >= 1, was " + maxConcurrent);
    }
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be >= 1, was " + maxBatchSize);
    }
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }
}
