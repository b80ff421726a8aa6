package io.interservice.lab;

import io.interservice.lab.fault.Fault;
import io.interservice.lab.fault.Faults;
import io.interservice.lab.report.Comparison;
import io.interservice.lab.run.RunConfig;
import io.interservice.lab.run.RunResult;
import io.interservice.lab.run.Runner;
import io.interservice.lab.technique.Technique;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --find-max} and {@code --metastable}: the highest rate a technique holds within the SLO,
 * and what an outage does at 80 % of it.
 */
final class RateSearch {
  /** A run of a technique through a fault with the comparison's load settings. */
  @FunctionalInterface
  interface Configs {
    RunConfig of(
        Technique technique,
        Fault fault,
        double rate,
        Duration warmUp,
        Duration measured,
        Duration faultStart,
        Duration faultLength,
        int repeat);
  }

  private final Runner runner;
  private final Configs configs;
  private final double startRate;
  private final double maxRate;
  private final Duration warm;
  private final Duration sloP99;

  RateSearch(
      Runner runner,
      Configs configs,
      double startRate,
      double maxRate,
      Duration warm,
      Duration sloP99) {
    this.runner = runner;
    this.configs = configs;
    this.startRate = startRate;
    this.maxRate = maxRate;
    this.warm = warm;
    this.sloP99 = sloP99;
  }

  /** How many times the interval between the last rate held and the first broken is halved. */
  static final int BISECTIONS = 2;

  /**
   * Steps the rate ×1.5 from the comparison's rate in {@code steady} until the SLO breaks, then
   * halves the interval between the last rate held and the first broken {@value #BISECTIONS} times:
   * a ×1.5 grid alone can place the highest rate a third below where it is. One 10 s run per step:
   * a step near the edge may pass or fail by noise.
   */
  Comparison.MaxRate findMax(Technique technique) throws Exception {
    List<double[]> steps = new ArrayList<>();
    double held = 0;
    double broke = -1;
    for (double r = startRate; r <= maxRate; r *= 1.5) {
      if (!holds(technique, r, steps)) {
        broke = r;
        break;
      }
      held = r;
    }
    if (broke < 0 && held > 0 && held < maxRate) {
      // the ×1.5 grid stepped over the highest rate allowed: try that too
      if (holds(technique, maxRate, steps)) {
        held = maxRate;
      } else {
        broke = maxRate;
      }
    }
    for (int i = 0; i < BISECTIONS && broke > 0 && held > 0; i++) {
      double mid = Math.round((held + broke) / 2);
      if (holds(technique, mid, steps)) {
        held = mid;
      } else {
        broke = mid;
      }
    }
    return new Comparison.MaxRate(technique.name(), held, steps, null);
  }

  /**
   * Whether {@code technique} holds the SLO at {@code rate}: a step that fails is run once more,
   * and only two failures in a row count (a single stall of a fraction of a second in a 10 s step
   * must not end the search).
   */
  private boolean holds(Technique technique, double rate, List<double[]> steps) throws Exception {
    return step(technique, rate, steps) || step(technique, rate, steps);
  }

  /** Runs {@code technique} at {@code rate} in {@code steady} once; whether it held the SLO. */
  private boolean step(Technique technique, double rate, List<double[]> steps) throws Exception {
    Fault steady = Faults.named(List.of("steady")).get(0);
    RunConfig config =
        configs.of(
            technique, steady, rate, warm, Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO, 1);
    RunResult result =
        runner.run(
            config, ProgressLine.of(technique.name() + " · find-max " + Math.round(rate) + "/s"));
    ProgressLine.end();
    double errors =
        result.ok() + result.failed() == 0
            ? 1
            : (double) result.failed() / (result.ok() + result.failed());
    steps.add(new double[] {rate, result.latencyMs().p99(), errors});
    System.out.printf(
        "find-max %s at %.0f/s: p99 %.1f ms, errors %.2f %%%s%n",
        technique.name(),
        rate,
        result.latencyMs().p99(),
        errors * 100,
        result.failureReasons().isEmpty() ? "" : " " + result.failureReasons());
    return result.latencyMs().p99() <= sloP99.toMillis() && errors <= 0.01;
  }

  /**
   * The metastability probe: 80 % of the highest rate, catalog killed 10 s into a 40 s measured run
   * for 10 s. A system that is metastable stays down after the outage (retries and queues keep it
   * overloaded); one whose retry budget holds is back within seconds.
   */
  Comparison.MaxRate probe(Technique technique, Comparison.MaxRate max) throws Exception {
    Fault outage = Faults.named(List.of("owner-down")).get(0);
    double probeRate = Math.round(max.maxRate() * 0.8);
    RunConfig config =
        configs.of(
            technique,
            outage,
            probeRate,
            warm,
            Duration.ofSeconds(40),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            1);
    RunResult result =
        runner.run(
            config,
            ProgressLine.of(technique.name() + " · metastable " + Math.round(probeRate) + "/s"));
    ProgressLine.end();
    RunResult.FaultWindow w = result.fault();
    System.out.printf(
        "metastable %s at %.0f/s: availability during the outage %.1f %%, goodput back %s s after"
            + " it, requests to catalog per order during it %s%n",
        technique.name(),
        probeRate,
        w == null ? 0 : w.availability() * 100,
        w == null ? "?" : w.recoveryLabel(),
        w == null || w.ownerCallsPerOrder() == null ? "n/a" : w.ownerCallsPerOrder());
    return new Comparison.MaxRate(max.technique(), max.maxRate(), max.steps(), w);
  }
}
