package io.interservice.lab.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.lab.fault.Faults;
import io.interservice.lab.load.OpenLoopDriver;
import io.interservice.lab.load.Outcome;
import io.interservice.lab.load.Timeline;
import io.interservice.lab.technique.Techniques;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultWindowTest {

  private static RunConfig config(String scenario) {
    return new RunConfig(
        Techniques.all().get(0),
        Faults.named(List.of(scenario)).get(0),
        10,
        1,
        Duration.ZERO,
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        Duration.ofSeconds(3),
        100,
        0,
        0,
        1,
        1);
  }

  /** 10 requests a second; seconds listed in {@code failing} have {@code failures} of them fail. */
  private static Timeline timeline(int failures, int... failing) {
    Timeline t = new Timeline(10);
    for (int s = 0; s < 10; s++) {
      int failed = 0;
      for (int f : failing) {
        failed = f == s ? failures : failed;
      }
      for (int i = 0; i < 10; i++) {
        t.record(s + i / 10.0, i < failed ? Outcome.UNAVAILABLE : Outcome.OK);
      }
    }
    return t;
  }

  @Test
  void availabilityIsTheShareOfSuccessesAmongOrdersSentInsideTheWindow() {
    RunResult.FaultWindow w = Figures.window(config("owner-down"), timeline(10, 2, 3), -1);
    assertThat(w.availability()).isEqualTo(10 / 30.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(w.startS()).isEqualTo(2.0);
    assertThat(w.durationS()).isEqualTo(3.0);
  }

  @Test
  void recoveryIsTheTimeFromTheWindowsEndToTheFirstHealthySecond() {
    RunResult.FaultWindow w = Figures.window(config("owner-down"), timeline(10, 2, 3, 4, 5, 6), -1);
    assertThat(w.recoveryS()).isEqualTo(2.0);
  }

  @Test
  void aSecondWithOneFailureInTenIsNotYetRecovered() {
    RunResult.FaultWindow w = Figures.window(config("owner-down"), timeline(1, 5), -1);
    assertThat(w.recoveryS()).isEqualTo(1.0);
  }

  @Test
  void recoveryIsNullWhenItDidNotComeWithinTheRunAndTheTableSaysHowLongWasWatched() {
    RunResult.FaultWindow w = Figures.window(config("owner-down"), timeline(10, 5, 6, 7, 8, 9), -1);

    assertThat(w.recoveryS()).isNull();
    assertThat(w.observedAfterS()).isEqualTo(5.0);
    assertThat(w.recoveryLabel()).isEqualTo(">5");
  }

  @Test
  void aRecoveryWithinTheRunIsShownInSeconds() {
    RunResult.FaultWindow w = Figures.window(config("owner-down"), timeline(10, 2, 3, 4, 5, 6), -1);

    assertThat(w.recoveryLabel()).isEqualTo("2");
  }

  @Test
  void steadyHasNoWindow() {
    assertThat(Figures.window(config("steady"), timeline(0), -1)).isNull();
  }

  @Test
  void ownerCallsPerOrderAreCountedOverTheOrdersSentInsideTheWindow() {
    RunResult.FaultWindow counted = Figures.window(config("owner-down"), timeline(10, 2, 3), 36);
    RunResult.FaultWindow uncounted = Figures.window(config("owner-down"), timeline(10, 2, 3), -1);

    assertThat(counted.ownerCallsPerOrder()).isEqualTo(1.2);
    assertThat(uncounted.ownerCallsPerOrder()).isNull();
  }

  /** A measured part whose halves had these median latencies, in ms. */
  private static OpenLoopDriver.Result load(double firstMs, double secondMs) {
    org.HdrHistogram.Histogram first = new org.HdrHistogram.Histogram(3);
    org.HdrHistogram.Histogram second = new org.HdrHistogram.Histogram(3);
    for (int i = 0; i < 50; i++) {
      first.recordValue((long) (firstMs * 1000));
      second.recordValue((long) (secondMs * 1000));
    }
    org.HdrHistogram.Histogram all = first.copy();
    all.add(second);
    return new OpenLoopDriver.Result(
        100,
        java.util.Map.of(Outcome.OK, 100L),
        java.util.Map.of(),
        all,
        timeline(0),
        List.of(),
        List.of(),
        List.of(first, second));
  }

  @Test
  void aSteadyRunWhoseSecondHalfIsFasterAndAsksTheOwnerLessIsFlaggedNotStationary() {
    RunResult.Steady cold =
        Figures.steady(config("steady"), load(12, 3), 60, new Figures.Halves(50, 0.05, 0.1, 0, 0));
    RunResult.Steady warm =
        Figures.steady(
            config("steady"), load(3.1, 3.0), 10, new Figures.Halves(5, 0.05, 0.1, 0, 0));

    assertThat(cold.stationary()).isFalse();
    assertThat(cold.moved()).isNotEmpty();
    assertThat(warm.stationary()).isTrue();
  }

  @Test
  void aRunWithAFaultWindowIsNotJudged() {
    assertThat(
            Figures.steady(
                    config("owner-down"), load(12, 3), 60, new Figures.Halves(50, 0.05, 0.1, 0, 0))
                .stationary())
        .isNull();
  }

  @Test
  void aSteadyRunWhoseCheckoutSpentTwiceTheCpuInItsFirstHalfIsFlaggedNotStationary() {
    // 50 orders a half: 0.1 s of CPU in the first (2 ms an order), 0.05 s in the second; of it the
    // JIT's compiler threads 0.06 s, then 0.01 s
    RunResult.Steady compiling =
        Figures.steady(
            config("steady"), load(3.1, 3.0), 10, new Figures.Halves(5, 0.1, 0.15, 0.06, 0.07));

    assertThat(compiling.stationary()).isFalse();
    assertThat(compiling.moved()).containsExactly("checkout CPU per order 2.00 -> 1.00 ms");
    assertThat(compiling.checkoutCpuMsPerOrder()).containsExactly(2.0, 1.0);
    assertThat(compiling.checkoutJitMsPerOrder()).containsExactly(1.2, 0.2);
  }
}
