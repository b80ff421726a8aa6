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
    return run(
        technique,
        scenario,
        repeat,
        p99,
        recovery,
        ownerRequestsPerOrder,
        staleRate,
        availability,
        machine,
        steady,
        null,
        10.0);
  }

  /** A steady run on fresh processes that started as {@code startup} says. */
  static RunResult started(String technique, RunResult.Startup startup) {
    return run(technique, "steady", 1, 10, null, 0, 0, 1, null, null, startup, 10.0);
  }

  /** A steady run measured for {@code seconds}. */
  static RunResult measuredFor(String technique, double seconds) {
    return run(technique, "steady", 1, 10, null, 0, 0, 1, null, null, null, seconds);
  }

  private static RunResult run(
      String technique,
      String scenario,
      int repeat,
      double p99,
      @Nullable Double recovery,
      double ownerRequestsPerOrder,
      double staleRate,
      double availability,
      RunResult.@Nullable Machine machine,
      RunResult.@Nullable Steady steady,
      RunResult.@Nullable Startup startup,
      double measuredS) {
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
        measuredS,
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
        audit(1000, stale, staleRate),
        0,
        new RunResult.Timeline(List.of(), List.of()),
        new Technique.MovingParts(2, List.of(), List.of(), List.of()),
        0,
        null,
        0,
        machine,
        startup,
        steady);
  }

  /** An audit of {@code lines}, {@code stale} of them stale, none lost or corrupt. */
  static RunResult.Audit audit(long lines, long stale, double staleRate) {
    return new RunResult.Audit(
        "commit",
        lines,
        lines - stale,
        stale,
        0,
        0,
        staleRate,
        new RunResult.Staleness(0, 0),
        List.of(),
        Map.of(),
        Map.of());
  }
}
