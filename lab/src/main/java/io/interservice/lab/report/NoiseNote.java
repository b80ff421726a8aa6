package io.interservice.lab.report;

import io.interservice.lab.run.RunResult;
import java.util.List;
import java.util.Locale;

/** A line saying whether any run shared the machine, and which: its figures are suspect. */
public final class NoiseNote {
  private NoiseNote() {}

  /** The note, as one paragraph of Markdown (plain enough for the console). */
  public static String render(List<RunResult> runs) {
    List<RunResult> measured = runs.stream().filter(r -> r.machine() != null).toList();
    if (measured.isEmpty()) {
      return "";
    }
    List<RunResult> shared = measured.stream().filter(r -> r.machine().shared()).toList();
    double worstOthers =
        measured.stream().mapToDouble(r -> r.machine().othersCores()).max().orElse(0);
    double worstSteal =
        measured.stream().mapToDouble(r -> r.machine().stealCores()).max().orElse(0);
    if (shared.isEmpty()) {
      return String.format(
          Locale.ROOT,
          "No run shared the machine: other processes used at most %.2f of a core and the"
              + " hypervisor stole at most %.2f while any run was measured.%n",
          worstOthers,
          worstSteal);
    }
    StringBuilder s =
        new StringBuilder("**Warning: ")
            .append(shared.size())
            .append(" of ")
            .append(measured.size())
            .append(" runs shared the machine** (their figures are suspect): ");
    for (int i = 0; i < shared.size(); i++) {
      RunResult r = shared.get(i);
      s.append(i == 0 ? "" : "; ")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s · %s (others %.2f cores, steal %.2f, load %.1f → %.1f)",
                  r.technique(),
                  r.scenario(),
                  r.machine().othersCores(),
                  r.machine().stealCores(),
                  r.machine().load1Before(),
                  r.machine().load1After()));
    }
    return s.append(".\n").toString();
  }
}
