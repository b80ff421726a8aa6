package io.interservice.lab.report;

import io.interservice.lab.run.RunResult;
import java.util.List;
import java.util.Locale;

/**
 * A line saying whether any run shared the machine, and which: its figures are suspect; and one
 * naming the runs whose disk held the whole machine up: their tails are the disk's.
 */
public final class NoiseNote {
  private NoiseNote() {}

  /** The note, as paragraphs of Markdown (plain enough for the console). */
  public static String render(List<RunResult> runs) {
    List<RunResult> measured = runs.stream().filter(r -> r.machine() != null).toList();
    if (measured.isEmpty()) {
      return "";
    }
    return sharing(measured) + speed(measured) + disk(measured);
  }

  /**
   * The machine's speed over the runs that measured it (older results hold 0): what CPU per order
   * is read against, since it follows these two costs from one machine or day to the next.
   */
  private static String speed(List<RunResult> measured) {
    double[] syscall = measuredOnly(measured, RunResult.Machine::syscallMicros);
    double[] handoff = measuredOnly(measured, RunResult.Machine::handoffMicros);
    if (syscall.length == 0 || handoff.length == 0) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "%nThe machine's speed, measured before each run's load: a system call took %s and a"
            + " hand-off to a parked thread %s: medians over %d runs, ranges in brackets."
            + " CPU per order follows these two; compare it between comparisons only where they"
            + " agree.%n",
        medianAndRange(syscall, 2),
        medianAndRange(handoff, 1),
        syscall.length);
  }

  /** The figure of each run that measured it (results written before hold 0). */
  private static double[] measuredOnly(
      List<RunResult> runs, java.util.function.ToDoubleFunction<RunResult.Machine> figure) {
    return runs.stream()
        .mapToDouble(r -> figure.applyAsDouble(r.machine()))
        .filter(v -> v > 0)
        .toArray();
  }

  private static String medianAndRange(double[] values, int decimals) {
    Spread.Range r = Spread.of(values);
    String f = "%." + decimals + "f";
    return String.format(
        Locale.ROOT, f + " µs (" + f + "–" + f + ")", r.median(), r.min(), r.max());
  }

  private static String disk(List<RunResult> measured) {
    List<RunResult> stalled = measured.stream().filter(r -> r.machine().diskStalled()).toList();
    if (stalled.isEmpty()) {
      return "";
    }
    return "**Warning: the disk held the whole machine up in "
        + stalled.size()
        + " of "
        + measured.size()
        + " runs** (their tails are the disk's, not the technique's): "
        + each(
            stalled,
            m -> String.format(Locale.ROOT, "%.0f ms within one second", m.ioStallWorstSecondMs()));
  }

  private static String sharing(List<RunResult> measured) {
    List<RunResult> shared = measured.stream().filter(r -> r.machine().shared()).toList();
    double worstOthers =
        measured.stream().mapToDouble(r -> r.machine().othersCores()).max().orElse(0);
    double worstSteal =
        measured.stream().mapToDouble(r -> r.machine().stealCores()).max().orElse(0);
    double worstKernel =
        measured.stream().mapToDouble(r -> r.machine().kernelCores()).max().orElse(0);
    // results written before the kernel's share was measured apart hold 0 there: say nothing
    String kernel =
        worstKernel == 0
            ? ""
            : String.format(
                Locale.ROOT,
                " The kernel's own work beyond any process (interrupts while a core idled, its"
                    + " threads; mostly the runs' own network and disk) took up to %.2f of a core.",
                worstKernel);
    if (shared.isEmpty()) {
      return String.format(
          Locale.ROOT,
          "No run shared the machine: other processes used at most %.2f of a core and the"
              + " hypervisor stole at most %.2f while any run was measured.%s%n",
          worstOthers,
          worstSteal,
          kernel);
    }
    return "**Warning: "
        + shared.size()
        + " of "
        + measured.size()
        + " runs shared the machine** (their figures are suspect): "
        + each(
                shared,
                m ->
                    String.format(
                        Locale.ROOT,
                        "others %.2f cores, steal %.2f, load %.1f → %.1f",
                        m.othersCores(),
                        m.stealCores(),
                        m.load1Before(),
                        m.load1After()))
            .strip()
        + kernel
        + "\n";
  }

  /** {@code technique · scenario (what)} for each run, separated by semicolons, and a full stop. */
  private static String each(
      List<RunResult> runs, java.util.function.Function<RunResult.Machine, String> what) {
    return runs.stream()
            .map(r -> r.technique() + " · " + r.scenario() + " (" + what.apply(r.machine()) + ")")
            .collect(java.util.stream.Collectors.joining("; "))
        + ".\n";
  }
}
