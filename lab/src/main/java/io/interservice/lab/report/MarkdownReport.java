package io.interservice.lab.report;

import static io.interservice.lab.report.ConsoleTable.num;

import io.interservice.lab.run.RunResult;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** {@code report.md}: the table, then each criterion backed by the measured numbers. */
public final class MarkdownReport {
  private MarkdownReport() {}

  /** The report's text. */
  public static String render(Comparison c) {
    StringBuilder md = new StringBuilder();
    md.append("# Interservice comparison\n\n");
    md.append("Started ").append(c.startedAt()).append(". Settings: ");
    c.settings().forEach((k, v) -> md.append('`').append(k).append('=').append(v).append("` "));
    md.append(
        "\n\nEvery figure below was measured in this run; `results.json` holds them all.\n\n");
    md.append(Scorecard.markdown(c.runs()));
    md.append("\n## All runs\n\n");
    table(md, ConsoleTable.render(c.runs()));
    md.append('\n').append(NoiseNote.render(c.runs()));
    md.append('\n').append(StartupReport.steadinessNote(c.runs()));
    md.append(StartupReport.table(c.runs()));
    md.append(RunNotes.kept(c.runs()));
    md.append(RunNotes.longer(c, c.runs()));
    performance(md, c.runs());
    scalability(md, c.runs());
    isolation(md, c.runs());
    consistency(md, c.runs());
    complexity(md, c.runs());
    if (!c.spread().isEmpty()) {
      md.append("\n## Spread over repeated runs (`--repeat`)\n\n")
          .append(
              "Each figure as median [lowest–highest] over the runs of a technique and scenario;"
                  + " a gap between techniques that the ranges overlap is not established.\n\n");
      table(md, ConsoleTable.renderSpread(c.spread()));
    }
    if (!c.findMax().isEmpty()) {
      md.append("\n## Highest sustained rate (`--find-max`)\n\n");
      if (c.ceiling() != null) {
        md.append(
            String.format(
                java.util.Locale.ROOT,
                "The machine's ceiling, measured in this comparison: an empty HTTP handler driven"
                    + " by the same load generator held %.0f orders/s; the order's own database"
                    + " transaction (an order and 5 lines, 16 connections) commits %.0f/s; a"
                    + " lookup of 5 skus in a map runs %.3g times a second. An order needs both of"
                    + " the first two: its ceiling is %.0f/s.%n%n",
                c.ceiling().httpRate(),
                c.ceiling().transactionRate(),
                c.ceiling().lookupsPerSecond(),
                c.ceiling().orders()));
      }
      md.append(
          "| technique | max rate/s | share of the ceiling | steps (rate, p99 ms, error rate) | at 80 %: availability while catalog is down 10 s / goodput back after (s) / requests to catalog per order while down |\n|---|---|---|---|---|\n");
      for (Comparison.MaxRate m : c.findMax()) {
        boolean capped = m.maxRate() > 0 && m.steps().stream().allMatch(s -> s[0] <= m.maxRate());
        md.append("| ")
            .append(m.technique())
            .append(" | ")
            .append(capped ? "≥ " : "")
            .append(num(m.maxRate(), 0))
            .append(" | ")
            .append(
                c.ceiling() == null || c.ceiling().orders() <= 0
                    ? "–"
                    : num(100 * m.maxRate() / c.ceiling().orders(), 0) + " %")
            .append(" | ");
        for (double[] s : m.steps()) {
          md.append('(')
              .append(num(s[0], 0))
              .append(", ")
              .append(num(s[1], 1))
              .append(", ")
              .append(num(s[2], 4))
              .append(") ");
        }
        RunResult.FaultWindow p = m.probe();
        md.append(" | ")
            .append(
                p == null
                    ? "not probed"
                    : num(p.availability() * 100, 1)
                        + " % / "
                        + p.recoveryLabel()
                        + " / "
                        + (p.ownerCallsPerOrder() == null ? "n/a" : num(p.ownerCallsPerOrder(), 2)))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  private static void table(StringBuilder md, String text) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (i == 1) {
        md.append("|---".repeat(lines[0].trim().split(" {2,}").length)).append("|\n");
        continue;
      }
      md.append("| ").append(String.join(" | ", lines[i].trim().split(" {2,}"))).append(" |\n");
    }
  }

  private static void performance(StringBuilder md, List<RunResult> runs) {
    md.append(
        "\n## Performance\n\nLatency of successful orders from their intended send time (open loop), and the rate achieved.\n\n");
    md.append(
        "| technique | scenario | ok/s of offered | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n|---|---|---|---|---|---|---|---|\n");
    for (RunResult r : runs) {
      RunResult.Latency l = r.latencyMs();
      md.append(
          String.format(
              java.util.Locale.ROOT,
              "| %s | %s | %s of %s | %s | %s | %s | %s | %s |%n",
              r.technique(),
              r.scenario(),
              num(r.achievedRate(), 1),
              num(r.offeredRate(), 1),
              num(l.p50(), 1),
              num(l.p90(), 1),
              num(l.p99(), 1),
              num(l.p999(), 1),
              num(l.max(), 1)));
    }
    best(md, runs, "steady", "lowest p99 in steady", r -> r.latencyMs().p99(), false, " ms");
  }

  private static void scalability(StringBuilder md, List<RunResult> runs) {
    md.append("\n## Scalability\n\nWhat each order costs the owner and each process.\n\n");
    md.append(
        "| technique | scenario | owner requests/order | CPU s per 1000 orders |\n|---|---|---|---|\n");
    for (RunResult r : runs) {
      StringBuilder cpu = new StringBuilder();
      for (Map.Entry<String, Double> e : r.cpuSPer1000Orders().entrySet()) {
        cpu.append(e.getKey()).append(' ').append(num(e.getValue(), 2)).append("; ");
      }
      md.append("| ")
          .append(r.technique())
          .append(" | ")
          .append(r.scenario())
          .append(" | ")
          .append(num(r.ownerRequestsPerOrder(), 3))
          .append(" | ")
          .append(cpu)
          .append("|\n");
    }
    best(
        md,
        runs,
        "steady",
        "fewest owner requests per order in steady",
        RunResult::ownerRequestsPerOrder,
        false,
        "");
  }

  private static void isolation(StringBuilder md, List<RunResult> runs) {
    md.append(
        "\n## Isolation\n\nShare of orders sent inside the fault window that succeeded, and seconds from the window's end to the first second with ≥ 99 % successes.\n\n");
    md.append(
        "| technique | scenario | fault | availability in window | recovery s |\n|---|---|---|---|---|\n");
    boolean any = false;
    for (RunResult r : runs) {
      RunResult.FaultWindow f = r.fault();
      if (f == null) {
        continue;
      }
      any = true;
      md.append("| ")
          .append(r.technique())
          .append(" | ")
          .append(r.scenario())
          .append(" | ")
          .append(num(f.startS(), 0))
          .append("–")
          .append(num(f.startS() + f.durationS(), 0))
          .append(" s | ")
          .append(num(f.availability() * 100, 1))
          .append(" % | ")
          .append(f.recoveryLabel())
          .append(" |\n");
    }
    if (!any) {
      md.append("| (no fault scenario ran) | | | | |\n");
    }
  }

  private static void consistency(StringBuilder md, List<RunResult> runs) {
    md.append(
        "\n## Consistency\n\nEvery order line audited against catalog's price history at the order's commit instant.\n\n");
    md.append(
        "| technique | scenario | lines | current | stale | stale rate | staleness p99 ms | max ms | corrupt | lost |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (RunResult r : runs) {
      RunResult.Audit a = r.audit();
      md.append(
          String.format(
              java.util.Locale.ROOT,
              "| %s | %s | %d | %d | %d | %s %% | %s | %s | %d | %d |%n",
              r.technique(),
              r.scenario(),
              a.lines(),
              a.current(),
              a.stale(),
              num(a.staleRate() * 100, 3),
              num(a.stalenessMs().p99(), 1),
              num(a.stalenessMs().max(), 1),
              a.corrupt(),
              a.lost()));
    }
    long corrupt = runs.stream().mapToLong(r -> r.audit().corrupt()).sum();
    long lost = runs.stream().mapToLong(r -> r.audit().lost()).sum();
    List<RunResult> replicas = runs.stream().filter(r -> r.propagationMs() != null).toList();
    if (!replicas.isEmpty()) {
      md.append(
          "\nPropagation to a replica that logs what it applied: from a version's commit in catalog"
              + " to its application in checkout.\n\n"
              + "| technique | scenario | changes | not applied | p50 ms | p99 ms | max ms |\n"
              + "|---|---|---|---|---|---|---|\n");
      for (RunResult r : replicas) {
        RunResult.Propagation p = r.propagationMs();
        md.append(
            String.format(
                java.util.Locale.ROOT,
                "| %s | %s | %d | %d | %s | %s | %s |%n",
                r.technique(),
                r.scenario(),
                p.changes(),
                p.missing(),
                num(p.p50(), 1),
                num(p.p99(), 1),
                num(p.max(), 1)));
      }
    }
    sources(md, runs);
    freshness(md, runs);
    md.append("\nCorrupt lines in all runs: **")
        .append(corrupt)
        .append("**; lost orders: **")
        .append(lost)
        .append("** (both must be 0); orders still pending after the drain: **")
        .append(runs.stream().mapToLong(RunResult::pendingAfterDrain).sum())
        .append("** (must be 0).\n");
  }

  /**
   * Where the lines' prices came from, for the runs that used more than one source or a bound:
   * {@code bounded}'s share served locally, and its lines served beyond the bound.
   */
  private static void sources(StringBuilder md, List<RunResult> runs) {
    List<RunResult> mixed =
        runs.stream()
            .filter(r -> r.audit().linesBySource() != null)
            .filter(r ->
                r.audit().linesBySource().size() > 1
                    || r.audit().linesBySource().containsKey("bounded-replica"))
            .toList();
    if (mixed.isEmpty()) {
      return;
    }
    md.append(
        "\nWhere the prices came from, by line, for the techniques that read a local copy and ask"
            + " catalog too (`bounded`: its replica while the watermark was within 500 ms, catalog"
            + " past it, `beyond-bound` only under `serve-stale`); local share = lines not priced by"
            + " catalog; staleness max is the audit's (for `bounded`, against its 500 ms"
            + " bound).\n\n"
            + "| technique | scenario | lines | by source | local share | beyond the bound |"
            + " staleness max ms | by source |\n|---|---|---|---|---|---|---|---|\n");
    for (RunResult r : mixed) {
      Map<String, Long> by = r.audit().linesBySource();
      long lines = by.values().stream().mapToLong(Long::longValue).sum();
      long local = lines - by.getOrDefault("owner", 0L);
      md.append(
          String.format(
              java.util.Locale.ROOT,
              "| %s | %s | %d | %s | %s %% | %d | %s | %s |%n",
              r.technique(),
              r.scenario(),
              lines,
              by,
              num(lines == 0 ? 0 : 100.0 * local / lines, 2),
              by.getOrDefault("beyond-bound", 0L),
              num(r.audit().stalenessMs().max(), 1),
              r.audit().stalenessMaxMsBySource() == null
                  ? "–"
                  : r.audit().stalenessMaxMsBySource()));
    }
  }

  /**
   * The freshness curve of each technique in {@code steady}: of the lines ordered a given time
   * after their sku's last change, the share that was current (t-visibility).
   */
  private static void freshness(StringBuilder md, List<RunResult> runs) {
    List<RunResult> steady =
        runs.stream()
            .filter(r -> r.scenario().equals("steady") && r.repeat() == 1)
            .filter(r -> r.audit().freshness() != null && !r.audit().freshness().isEmpty())
            .toList();
    if (steady.isEmpty()) {
      return;
    }
    List<RunResult.Freshness> first = steady.get(0).audit().freshness();
    md.append(
        "\nFreshness in `steady` (t-visibility): of the lines ordered within each time after their"
            + " sku's last change, the share that were current; the lines in each cell in"
            + " brackets.\n\n| technique |");
    for (RunResult.Freshness f : first) {
      md.append(' ')
          .append(f.toMs() == null ? "≥ " + num(f.fromMs(), 0) : "< " + num(f.toMs(), 0))
          .append(" ms |");
    }
    md.append("\n|---|").append("---|".repeat(first.size())).append('\n');
    for (RunResult r : steady) {
      md.append("| ").append(r.technique()).append(" |");
      for (RunResult.Freshness f : r.audit().freshness()) {
        md.append(' ')
            .append(f.lines() == 0 ? "–" : num(f.current() * 100, 1) + " % (" + f.lines() + ")")
            .append(" |");
      }
      md.append('\n');
    }
  }

  private static void complexity(StringBuilder md, List<RunResult> runs) {
    md.append(
        "\n## Complexity\n\n| technique | processes | infrastructure | endpoints | topics | technique-specific lines of code |\n|---|---|---|---|---|---|\n");
    runs.stream()
        .map(RunResult::technique)
        .distinct()
        .forEach(t -> {
          RunResult r =
              runs.stream().filter(x -> x.technique().equals(t)).findFirst().orElseThrow();
          md.append("| ")
              .append(t)
              .append(" | ")
              .append(r.movingParts().processes())
              .append(" | ")
              .append(String.join(", ", r.movingParts().infrastructure()))
              .append(" | ")
              .append(String.join(", ", r.movingParts().endpoints()))
              .append(" | ")
              .append(
                  r.movingParts().topics().isEmpty()
                      ? "-"
                      : String.join(", ", r.movingParts().topics()))
              .append(" | ")
              .append(r.techniqueLoc())
              .append(" |\n");
        });
  }

  private static void best(
      StringBuilder md,
      List<RunResult> runs,
      String scenario,
      String what,
      ToDoubleFunction<RunResult> metric,
      boolean highest,
      String unit) {
    Comparator<RunResult> order = Comparator.comparingDouble(metric);
    Optional<RunResult> best =
        runs.stream()
            .filter(r -> r.scenario().equals(scenario))
            .min(highest ? order.reversed() : order);
    best.ifPresent(r ->
        md.append("\nBest ")
            .append(what)
            .append(": **")
            .append(r.technique())
            .append("** (")
            .append(num(metric.applyAsDouble(r), 3))
            .append(unit)
            .append(").\n"));
  }
}
