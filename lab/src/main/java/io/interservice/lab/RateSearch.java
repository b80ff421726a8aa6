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

  /** Steps the rate ×1.5 from the comparison's rate in {@code steady} until the SLO breaks. */
  Comparison.MaxRate findMax(Technique technique) throws Exception {
    Fault steady = Faults.named(List.of("steady")).get(0);
    Duration step = Duration.ofSeconds(10);
    List<double[]> steps = new ArrayList<>();
    double held = 0;
    for (double r = startRate; r <= maxRate; r *= 1.5) {
      RunConfig config =
          configs.of(technique, steady, r, warm, step, Duration.ZERO, Duration.ZERO, 1);
      RunResult result =
          runner.run(
              config, ProgressLine.of(technique.name() + " · find-max " + Math.round(r) + "/s"));
      ProgressLine.end();
      double errors =
          result.ok() + result.failed() == 0
              ? 1
              : (double) result.failed() / (result.ok() + result.failed());
      steps.add(new double[] {r, result.latencyMs().p99(), errors});
      System.out.printf(
          "find-max %s at %.0f/s: p99 %.1f ms, errors %.2f %%%n",
          technique.name(), r, result.latencyMs().p99(), errors * 100);
      if (result.latencyMs().p99() > sloP99.toMillis() || errors > 0.01) {
        break;
      }
      held = r;
    }
    return new Comparison.MaxRate(technique.name(), held, steps, null);
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
