package io.interservice.lab.report;

import io.interservice.lab.run.RunResult;
import io.interservice.lab.technique.Technique;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Runs made up for report tests: only the figures a test names differ. */
final class Runs {
  private Runs() {}

  static RunResult run(
      String technique,
      String scenario,
      int repeat,
      double p99,
      @Nullable Double recovery,
      double ownerRequestsPerOrder,
      double staleRate,
      double availability) {
    return run(
        technique,
        scenario,
        repeat,
        p99,
        recovery,
        ownerRequestsPerOrder,
        staleRate,
        availability,
        null,
        null);
  }

  /** The same, measured on {@code machine}, its halves compared in {@code steady}. */
  static RunResult run(
      String technique,
      String scenario,
      int repeat,
      double p99,
      @Nullable Double recovery,
      double ownerRequestsPerOrder,
      double staleRate,
      double availability,
      RunResult.@Nullable Machine machine,
      RunResult.@Nullable Steady steady) {
    RunResult.FaultWindow window =
        scenario.equals("steady")
            ? null
            : new RunResult.FaultWindow(scenario, 3, 3, availability, recovery, 6, null);
    long stale = Math.round(staleRate * 1000);
    return new RunResult(
        technique,
        scenario,
        repeat,
        "fresh",
        2,
        100,
        100,
        1200,
        0,
        Map.of(),
        Map.of(),
        new RunResult.Latency(1, 2, p99, p99 + 1, p99 + 2),
        List.of(),
        window,
        ownerRequestsPerOrder,
        Map.of("checkout", 5.0),
        new RunResult.Audit(
            "commit",
            1000,
            1000 - stale,
            stale,
            0,
            0,
            staleRate,
            new RunResult.Staleness(0, 0),
            List.of(),
            Map.of(),
            Map.of()),
        0,
        new RunResult.Timeline(List.of(), List.of()),
        new Technique.MovingParts(2, List.of(), List.of(), List.of()),
        0,
        null,
        0,
        machine,
        null,
        steady);
  }
}
