package io.interservice.access.internal;

import io.interservice.access.BreakerPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A count-based circuit breaker as {@link BreakerPolicy} describes it. Thread-safe. */
final class CircuitBreaker {

  enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  /** Whether a call may go ahead, and if not, how long until the breaker may let one through. */
  record Permit(boolean granted, Duration retryAfter) {}

  private final BreakerPolicy policy;
  private final InstantSource clock;
  private final boolean[] failures;
  private int recorded;
  private int next;
  private int failed;
  private State state = State.CLOSED;
  private Instant openedAt = Instant.MIN;
  private int trialsLeft;
  private int trialSuccesses;

  CircuitBreaker(BreakerPolicy policy, InstantSource clock) {
    this.policy = policy;
    this.clock = clock;
    this.failures = new boolean[policy.window()];
  }

  synchronized State state() {
    if (state == State.OPEN && openFor().isZero()) {
      return State.HALF_OPEN;
    }
    return state;
  }

  synchronized Permit tryAcquire() {
    if (state == State.OPEN) {
      Duration left = openFor();
      if (!left.isZero()) {
        return new Permit(false, left);
      }
      state = State.HALF_OPEN;
      trialsLeft = policy.halfOpenCalls();
      trialSuccesses = 0;
    }
    if (state == State.HALF_OPEN) {
      if (trialsLeft == 0) {
        return new Permit(false, policy.openDuration());
      }
      trialsLeft--;
    }
    return new Permit(true, Duration.ZERO);
  }

  synchronized void onSuccess() {
    if (state == State.HALF_OPEN) {
      if (++trialSuccesses >= policy.halfOpenCalls()) {
        close();
      }
      return;
    }
    record(false);
  }

  synchronized void onFailure() {
    if (state == State.HALF_OPEN) {
      open();
      return;
    }
    if (state == State.CLOSED) {
      record(true);
      if (recorded >= policy.minimumCalls()
          && failed >= Math.ceil(policy.failureRate() * recorded - 1e-9)) {
        open();
      }
    }
  }

  private void record(boolean failure) {
    if (recorded == failures.length) {
      if (failures[next]) {
        failed--;
      }
    } else {
      recorded++;
    }
    failures[next] = failure;
    if (failure) {
      failed++;
    }
    next = (next + 1) % failures.length;
  }

  private Duration openFor() {
    Duration elapsed = Duration.between(openedAt, clock.instant());
    Duration left = policy.openDuration().minus(elapsed);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private void open() {
    state = State.OPEN;
    openedAt = clock.instant();
  }

  private void close() {
    state = State.CLOSED;
    recorded = 0;
    next = 0;
    failed = 0;
  }
}
