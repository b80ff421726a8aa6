package io.interservice.lab.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SteadinessTest {
  @Test
  void twoHalvesThatDifferByNoiseAreSteady() {
    Steadiness.Verdict v =
        Steadiness.judge(
            new Steadiness.Stretch(4.1, 12.0, 0.041, 0, 0.55),
            new Steadiness.Stretch(4.6, 15.5, 0.045, 0, 0.62));

    assertThat(v.steady()).isTrue();
    assertThat(v.moved()).isEmpty();
  }

  @Test
  void aCacheStillFillingIsNotSteadyAndTheVerdictSaysWhatMoved() {
    // the first half misses and asks the owner; the second reads its cache
    Steadiness.Verdict v =
        Steadiness.judge(
            new Steadiness.Stretch(9.0, 40.0, 0.56, 0, 0.6),
            new Steadiness.Stretch(3.5, 11.0, 0.05, 0, 0.6));

    assertThat(v.steady()).isFalse();
    assertThat(v.moved())
        .anyMatch(m -> m.startsWith("owner requests per order"))
        .anyMatch(m -> m.startsWith("p50"));
  }

  @Test
  void aBreakerOpeningInOneHalfIsNotSteady() {
    Steadiness.Verdict v =
        Steadiness.judge(
            new Steadiness.Stretch(5, 20, 1.0, 0.10, 0.6),
            new Steadiness.Stretch(5, 20, 1.0, 0, 0.6));

    assertThat(v.steady()).isFalse();
    assertThat(v.moved()).containsExactly("failures 10.0 % -> 0.0 %");
  }

  @Test
  void aRequestPathStillBeingCompiledIsNotSteadyThoughItsLatencyIs() {
    // the same latency, but the first window paid the JIT's work on checkout's cores
    Steadiness.Verdict v =
        Steadiness.judge(
            new Steadiness.Stretch(2.0, 7.0, 0, 0, 1.1),
            new Steadiness.Stretch(2.0, 7.0, 0, 0, 0.6));

    assertThat(v.steady()).isFalse();
    assertThat(v.moved()).containsExactly("checkout CPU per order 1.10 -> 0.600 ms");
  }

  @Test
  void aStretchThatDidNotMeasureCpuIsJudgedOnTheRest() {
    Steadiness.Verdict v =
        Steadiness.judge(
            new Steadiness.Stretch(2.0, 7.0, 0, 0, Double.NaN),
            new Steadiness.Stretch(2.0, 7.0, 0, 0, 0.6));

    assertThat(v.steady()).isTrue();
  }
}
