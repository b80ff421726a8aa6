package io.interservice.lab.report;

import io.interservice.lab.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The comparison as fixed-width text tables: every run, and the spread of repeated runs. */
public final class ConsoleTable {
  private static final String[] HEADERS = {
    "technique",
    "scenario",
    "offered/s",
    "ok/s",
    "ok",
    "failed",
    "p50 ms",
    "p99 ms",
    "p99.9 ms",
    "fault avail",
    "recovery s",
    "owner req/order",
    "stale %",
    "staleness p99 ms",
    "corrupt",
    "lost"
  };

  private static final String[] SPREAD_HEADERS = {
    "technique",
    "scenario",
    "runs",
    "ok/s",
    "p50 ms",
    "p99 ms",
    "fault avail %",
    "recovery s",
    "owner req/order",
    "stale %"
  };

  private ConsoleTable() {}

  /** The table, one row per run; a repeated run's scenario is followed by its number. */
  public static String render(List<RunResult> runs) {
    boolean repeated = runs.stream().anyMatch(r -> r.repeat() > 1);
    List<String[]> rows = new ArrayList<>();
    for (RunResult r : runs) {
      String[] row = row(r);
      if (repeated) {
        row[1] = row[1] + " #" + r.repeat();
      }
      rows.add(row);
    }
    return layout(HEADERS, rows);
  }

  /** The spread table: median [lowest–highest] of each figure over the repeated runs. */
  public static String renderSpread(List<Spread> spreads) {
    List<String[]> rows = new ArrayList<>();
    for (Spread s : spreads) {
      rows.add(
          new String[] {
            s.technique(),
            s.scenario(),
            Integer.toString(s.runs()),
            range(s, "achieved_rate", 1, 1),
            range(s, "p50_ms", 1, 1),
            range(s, "p99_ms", 1, 1),
            range(s, "availability", 100, 1),
            range(s, "recovery_s", 1, 0),
            range(s, "owner_requests_per_order", 1, 3),
            range(s, "stale_rate", 100, 3)
          });
    }
    return layout(SPREAD_HEADERS, rows);
  }

  private static String range(Spread s, String figure, double scale, int digits) {
    Spread.Range r = s.figures().get(figure);
    if (r == null) {
      return "-";
    }
    if (r.median() == null || r.min() == null || r.max() == null) {
      return "none in " + r.missing();
    }
    String text =
        num(r.median() * scale, digits)
            + " ["
            + num(r.min() * scale, digits)
            + "–"
            + num(r.max() * scale, digits)
            + "]";
    return r.missing() == 0 ? text : text + ", none in " + r.missing();
  }

  private static String layout(String[] headers, List<String[]> body) {
    List<String[]> rows = new ArrayList<>();
    rows.add(headers);
    rows.addAll(body);
    int[] widths = new int[headers.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        out.append(i < 2 ? pad(cell, widths[i]) : padLeft(cell, widths[i]));
        out.append(i + 1 < row.length ? "  " : "\n");
      }
      if (r == 0) {
        int total = 0;
        for (int w : widths) {
          total += w + 2;
        }
        out.append("-".repeat(total - 2)).append('\n');
      }
    }
    return out.toString();
  }

  static String[] row(RunResult r) {
    RunResult.FaultWindow f = r.fault();
    return new String[] {
      r.technique(),
      r.scenario(),
      num(r.offeredRate(), 1),
      num(r.achievedRate(), 1),
      Long.toString(r.ok()),
      Long.toString(r.failed()),
      num(r.latencyMs().p50(), 1),
      num(r.latencyMs().p99(), 1),
      num(r.latencyMs().p999(), 1),
      f == null ? "-" : num(f.availability() * 100, 1) + " %",
      f == null ? "-" : f.recoveryLabel(),
      num(r.ownerRequestsPerOrder(), 3),
      num(r.audit().staleRate() * 100, 3),
      num(r.audit().stalenessMs().p99(), 1),
      Long.toString(r.audit().corrupt()),
      Long.toString(r.audit().lost())
    };
  }

  static String num(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(w - s.length());
  }

  private static String padLeft(String s, int w) {
    return " ".repeat(w - s.length()) + s;
  }
}
