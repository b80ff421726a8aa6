package io.interservice.lab.report;

import static io.interservice.lab.report.ConsoleTable.num;

import io.interservice.lab.run.RunResult;
import java.util.List;

/** Notes on how runs were made where it differs from the comparison's settings. */
final class RunNotes {
  private RunNotes() {}

  /** Names those of {@code runs} made on the processes of the run before; empty when none were. */
  static String kept(List<RunResult> runs) {
    List<String> kept =
        runs.stream()
            .filter(r -> "kept".equals(r.processes()))
            .map(r -> r.technique() + " " + r.scenario())
            .toList();
    return kept.isEmpty()
        ? ""
        : "\nRuns on the processes of the technique's run before (no new start, no warm-up): "
            + String.join(", ", kept)
            + ". Every other run started catalog and checkout afresh.\n";
  }

  /**
   * Names those of {@code runs} measured for longer than {@code c}'s {@code duration_s}, and why;
   * empty when there are none.
   */
  static String longer(Comparison c, List<RunResult> runs) {
    if (!(c.settings().get("duration_s") instanceof Number duration)) {
      return "";
    }
    List<String> longer =
        runs.stream()
            .filter(r -> r.measuredS() != null && r.measuredS() > duration.doubleValue())
            .map(r -> r.technique() + " " + r.scenario() + " " + num(r.measuredS(), 0) + " s")
            .toList();
    return longer.isEmpty()
        ? ""
        : "\nMeasured for longer than `duration_s`, two of the technique's cycles (a cache's"
            + " refresh waves), so that each half of the window holds one: "
            + String.join(", ", longer)
            + ".\n";
  }
}
