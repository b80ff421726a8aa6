package io.interservice.access;

import java.time.Duration;
import java.util.Objects;

/**
 * Retries with capped exponential backoff and full jitter, limited by a retry budget.
 *
 * <p>Attempt {@code n} (n ≥ 1 counts retries) waits a uniformly random time in {@code [0,
 * min(maxDelay, baseDelay × 2^(n-1))]}. Every read deposits {@code budgetRatio} of a retry into the
 * budget and every retry withdraws one; the budget holds at most {@code budgetReserve} retries, and
 * starts full. In a long outage retries are therefore about {@code budgetRatio} of reads.
 *
 * @param maxAttempts attempts per read, the first included (1 disables retries)
 * @param baseDelay backoff cap of the first retry
 * @param maxDelay the largest backoff cap
 * @param budgetRatio retries earned per read, in [0, 1]
 * @param budgetReserve the most retries the budget holds
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, double budgetRatio, int budgetReserve) {

  /** Three attempts, 20 ms to 1 s backoff, a 20 % budget holding at most 10 retries. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(1), 0.2, 10);

  /** No retries at all. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0, 0);

  /** Validates the fields. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
    }
    if (!(budgetRatio >= 0 && budgetRatio <= 1)) {
      throw new IllegalArgumentException("budgetRatio must be in [0, 1], was " + budgetRatio);
    }
    if (budgetReserve < 0) {
      throw new IllegalArgumentException("budgetReserve must be >= 0, was " + budgetReserve);
    }
  }
}
