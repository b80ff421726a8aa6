package io.interservice.access;

import java.time.Duration;
import java.util.Objects;

/**
 * A count-based circuit breaker.
 *
 * <p>Closed, it remembers the outcome of the last {@code window} owner calls; once it has seen at
 * least {@code minimumCalls} and the failure rate reaches {@code failureRate}, it opens. Open, it
 * refuses every call for {@code openDuration}, then lets {@code halfOpenCalls} trial calls through:
 * all succeed and it closes, any fails and it opens again.
 *
 * @param window how many recent calls the failure rate is computed over
 * @param minimumCalls calls needed before the breaker may open
 * @param failureRate failure share in (0, 1] that opens the breaker
 * @param openDuration how long it stays open before trial calls
 * @param halfOpenCalls trial calls that must all succeed to close it again
 */
public record BreakerPolicy(
    int window, int minimumCalls, double failureRate, Duration openDuration, int halfOpenCalls) {

  /** Window of 20 calls, opens at 50 % failures after 10 calls, 2 s open, 3 trial calls. */
  public static final BreakerPolicy DEFAULT =
      new BreakerPolicy(20, 10, 0.5, Duration.ofSeconds(2), 3);

  /** Validates the fields. */
  public BreakerPolicy {
    if (window < 1 || minimumCalls < 1 || minimumCalls > window) {
      throw new IllegalArgumentException("need 1 <= minimumCalls <= window");
    }
    if (!(failureRate > 0 && failureRate <= 1)) {
      throw new IllegalArgumentException("failureRate must be in (0, 1], was " + failureRate);
    }
    Objects.requireNonNull(openDuration, "openDuration");
    if (openDuration.isNegative() || openDuration.isZero()) {
      throw new IllegalArgumentException("openDuration must be positive");
    }
    if (halfOpenCalls < 1) {
      throw new IllegalArgumentException("halfOpenCalls must be >= 1, was " + halfOpenCalls);
    }
  }
}
