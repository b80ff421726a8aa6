package io.interservice.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.access.BreakerPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private final FakeClock clock = new FakeClock();
  private final CircuitBreaker breaker =
      new CircuitBreaker(new BreakerPolicy(10, 4, 0.5, Duration.ofSeconds(5), 2), clock);

  private void calls(int successes, int failures) {
    for (int i = 0; i < successes; i++) {
      assertThat(breaker.tryAcquire().granted()).isTrue();
      breaker.onSuccess();
    }
    for (int i = 0; i < failures; i++) {
      assertThat(breaker.tryAcquire().granted()).isTrue();
      breaker.onFailure();
    }
  }

  @Test
  void staysClosedBelowTheMinimumNumberOfCalls() {
    calls(0, 3);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void staysClosedWhileTheFailureRateIsBelowTheThreshold() {
    calls(6, 2);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void opensWhenTheFailureRateReachesTheThresholdAndRefusesCalls() {
    calls(2, 2);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    CircuitBreaker.Permit permit = breaker.tryAcquire();
    assertThat(permit.granted()).isFalse();
    assertThat(permit.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(3));
    assertThat(breaker.tryAcquire().retryAfter()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void oldOutcomesLeaveTheWindow() {
    calls(0, 1);
    calls(9, 0);
    calls(0, 4);
    // window now holds 6 successes and 4 failures: 40 %
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    calls(0, 1);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void letsTrialCallsThroughAfterTheOpenDurationAndClosesWhenTheySucceed() {
    calls(0, 4);
    clock.advance(Duration.ofSeconds(5));
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(breaker.tryAcquire().granted()).isTrue();
    assertThat(breaker.tryAcquire().granted()).isTrue();
    assertThat(breaker.tryAcquire().granted()).as("only two trial calls").isFalse();
    breaker.onSuccess();
    breaker.onSuccess();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    calls(0, 3);
    assertThat(breaker.state())
        .as("window was reset on closing")
        .isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void reopensWhenATrialCallFails() {
    calls(0, 4);
    clock.advance(Duration.ofSeconds(6));
    assertThat(breaker.tryAcquire().granted()).isTrue();
    breaker.onFailure();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire().retryAfter()).isEqualTo(Duration.ofSeconds(5));
  }
}
