package io.interservice.lab.report;

import io.interservice.lab.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The comparison as a fixed-width text table. */
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

  private ConsoleTable() {}

  /** The table, one row per run. */
  public static String render(List<RunResult> runs) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (RunResult r : runs) {
      rows.add(row(r));
    }
    int[] widths = new int[HEADERS.length];
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
