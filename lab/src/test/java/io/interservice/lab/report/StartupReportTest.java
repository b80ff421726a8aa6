package io.interservice.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.lab.run.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupReportTest {

  private static RunResult steady(String technique, RunResult.Steady halves) {
    return Runs.run(technique, "steady", 1, 10, null, 0, 0, 1, null, halves);
  }

  private static RunResult.Steady halves(List<String> moved, double[] cpu, double[] jit) {
    return new RunResult.Steady(
        moved.isEmpty(), moved, new double[] {10, 10}, new double[] {0, 0}, cpu, jit);
  }

  @Test
  void aRunWhoseCpuFellSaysHowMuchOfItWasTheJitCompiling() {
    RunResult compiling =
        steady(
            "events",
            halves(
                List.of("checkout CPU per order 1.76 -> 0.960 ms"),
                new double[] {1.76, 0.96},
                new double[] {1.34, 0.56}));

    assertThat(StartupReport.steadinessNote(List.of(compiling)))
        .contains(
            "**Not stationary:** events · steady: its second half differed from its first"
                + " (checkout CPU per order 1.76 -> 0.960 ms; of checkout's CPU, its JIT compiler"
                + " 1.34 -> 0.56 ms per order)");
  }

  @Test
  void aRunWhoseLatencyMovedIsNotExplainedByTheJit() {
    RunResult slower =
        steady(
            "shared-db",
            halves(
                List.of("p99 8.50 -> 517 ms"),
                new double[] {0.5, 0.52},
                new double[] {0.04, 0.08}));

    assertThat(StartupReport.steadinessNote(List.of(slower)))
        .contains("(p99 8.50 -> 517 ms)")
        .doesNotContain("JIT");
  }

  @Test
  void stationaryRunsAreSaidToBeSo() {
    RunResult calm =
        steady("push", halves(List.of(), new double[] {0.4, 0.4}, new double[] {0.05, 0.05}));

    assertThat(StartupReport.steadinessNote(List.of(calm)))
        .isEqualTo(
            "Every run without a fault window was stationary (first half against second).\n");
  }

  private static RunResult.Startup startup(double compileS, Boolean compilersSettled) {
    return new RunResult.Startup(
        5.2,
        compileS,
        12_000,
        compilersSettled == null ? null : 631L,
        compilersSettled,
        9.0,
        true,
        List.of(),
        40,
        900,
        0,
        Runs.audit(0, 0, 0));
  }

  @Test
  void aStartWhoseCompilersDidNotSettleIsFlagged() {
    RunResult busy = Runs.started("messaging", startup(45.0, false));

    assertThat(StartupReport.steadinessNote(List.of(busy)))
        .contains(
            "**Compilers still busy:** messaging · steady: the JIT compilers had not settled after"
                + " 45 s of orders back to back");
    assertThat(StartupReport.table(List.of(busy))).contains("| **45.0, still busy** |");
  }

  @Test
  void theStartUpTableSaysHowLongTheCompilersTookToSettleAndWhatTheOwnerServedMeanwhile() {
    RunResult settled = Runs.started("direct", startup(23.1, true));

    assertThat(StartupReport.table(List.of(settled)))
        .contains("| direct | steady | 5.2 | 23.1 | 631 | 9.0 | yes |");
    assertThat(StartupReport.steadinessNote(List.of(settled))).doesNotContain("Compilers");
  }

  @Test
  void aStartThatDidNotWaitForTheCompilersSaysNothingOfThem() {
    RunResult quick = Runs.started("push", startup(0, null));

    assertThat(StartupReport.table(List.of(quick)))
        .contains("| push | steady | 5.2 | – | – | 9.0 |");
    assertThat(StartupReport.steadinessNote(List.of(quick))).doesNotContain("Compilers");
  }
}
