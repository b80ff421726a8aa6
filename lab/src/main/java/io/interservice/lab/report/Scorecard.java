package io.interservice.lab.report;

import io.interservice.lab.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The draft's question at a glance: techniques × criteria, each cell a figure measured in this
 * comparison and its rank among the techniques, and one sentence per technique, generated from the
 * ranks, saying where it wins and where it loses. Nothing here is written by hand.
 */
public final class Scorecard {
  /** A criterion: its name, the figure it reads, its unit, and whether less is better. */
  record Criterion(
      String name,
      String figure,
      Function<List<RunResult>, OptionalDouble> value,
      int digits,
      String unit,
      boolean lessIsBetter) {}

  /**
   * One technique's row: the value and rank (1 = best) of each criterion, absent when unmeasured.
   */
  record Row(String technique, Map<String, OptionalDouble> values, Map<String, Integer> ranks) {}

  static final List<Criterion> CRITERIA =
      List.of(
          new Criterion(
              "performance",
              "p99 in steady",
              runs -> median(runs, "steady", r -> r.latencyMs().p99()),
              1,
              " ms",
              true),
          new Criterion(
              "scalability",
              "owner requests per order in steady",
              runs -> median(runs, "steady", RunResult::ownerRequestsPerOrder),
              3,
              "",
              true),
          new Criterion(
              "isolation",
              "availability while catalog is down",
              runs ->
                  median(
                      runs,
                      "owner-down",
                      r -> r.fault() == null ? Double.NaN : r.fault().availability() * 100),
              1,
              " %",
              false),
          new Criterion(
              "consistency",
              "stale lines in steady",
              runs -> median(runs, "steady", r -> r.audit().staleRate() * 100),
              2,
              " %",
              true),
          new Criterion(
              "complexity",
              "moving parts (processes, infrastructure, endpoints, topics)",
              runs ->
                  runs.isEmpty()
                      ? OptionalDouble.empty()
                      : OptionalDouble.of(parts(runs.get(0).movingParts())),
              0,
              "",
              true),
          new Criterion(
              "cost",
              "CPU s per 1,000 orders in steady, all processes",
              runs ->
                  median(
                      runs,
                      "steady",
                      r ->
                          r.cpuSPer1000Orders().entrySet().stream()
                              .filter(e -> !e.getKey().equals("load-driver"))
                              .mapToDouble(Map.Entry::getValue)
                              .sum()),
              1,
              " s",
              true));

  private Scorecard() {}

  /** The rows, in the order the techniques first appear in {@code runs}. */
  static List<Row> rows(List<RunResult> runs) {
    Map<String, List<RunResult>> byTechnique = new LinkedHashMap<>();
    runs.forEach(r -> byTechnique.computeIfAbsent(r.technique(), t -> new ArrayList<>()).add(r));
    Map<String, Map<String, OptionalDouble>> values = new LinkedHashMap<>();
    byTechnique.forEach((t, rs) -> {
      Map<String, OptionalDouble> v = new LinkedHashMap<>();
      CRITERIA.forEach(c -> v.put(c.name(), c.value().apply(rs)));
      values.put(t, v);
    });
    List<Row> rows = new ArrayList<>();
    values.forEach((t, v) -> {
      Map<String, Integer> ranks = new LinkedHashMap<>();
      for (Criterion c : CRITERIA) {
        OptionalDouble mine = v.get(c.name());
        if (mine.isEmpty()) {
          continue;
        }
        int better = 0;
        for (Map<String, OptionalDouble> other : values.values()) {
          OptionalDouble o = other.get(c.name());
          if (o.isPresent()
              && (c.lessIsBetter()
                  ? o.getAsDouble() < mine.getAsDouble()
                  : o.getAsDouble() > mine.getAsDouble())) {
            better++;
          }
        }
        ranks.put(c.name(), better + 1);
      }
      rows.add(new Row(t, v, ranks));
    });
    return rows;
  }

  /** The scorecard in Markdown: the table (rank in brackets), the legend, the sentences. */
  public static String markdown(List<RunResult> runs) {
    List<Row> rows = rows(runs);
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder("## Scorecard\n\n| technique |");
    CRITERIA.forEach(c -> md.append(' ').append(c.name()).append(" |"));
    md.append("\n|---|");
    CRITERIA.forEach(c -> md.append("---|"));
    md.append('\n');
    for (Row r : rows) {
      md.append("| ").append(r.technique()).append(" |");
      for (Criterion c : CRITERIA) {
        md.append(' ').append(cell(c, r)).append(" |");
      }
      md.append('\n');
    }
    md.append("\nEach cell: the figure [its rank among the ")
        .append(rows.size())
        .append(" techniques, 1 = best]; – where the scenario was not run. ");
    for (int i = 0; i < CRITERIA.size(); i++) {
      Criterion c = CRITERIA.get(i);
      md.append(i == 0 ? "" : "; ").append(c.name()).append(": ").append(c.figure());
    }
    md.append(". Medians where runs were repeated.\n\n");
    rows.forEach(r -> md.append("- ").append(sentence(r, rows.size())).append('\n'));
    return md.toString();
  }

  /** The scorecard for the page: each cell shaded by its rank (green best, red worst). */
  public static String html(List<RunResult> runs) {
    List<Row> rows = rows(runs);
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder h = new StringBuilder("<table class=\"scorecard\"><tr><th>technique</th>");
    CRITERIA.forEach(c ->
        h.append("<th title=\"").append(c.figure()).append("\">").append(c.name()).append("</th>"));
    h.append("</tr>");
    for (Row r : rows) {
      h.append("<tr><td>").append(r.technique()).append("</td>");
      for (Criterion c : CRITERIA) {
        Integer rank = r.ranks().get(c.name());
        String shade =
            rank == null
                ? "#eee"
                : String.format(
                    Locale.ROOT,
                    "hsl(%d, 70%%, 85%%)",
                    rows.size() == 1 ? 120 : 120 - 120 * (rank - 1) / (rows.size() - 1));
        h.append("<td style=\"background:")
            .append(shade)
            .append("\">")
            .append(cell(c, r))
            .append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</table><ul>");
    rows.forEach(r ->
        h.append("<li>")
            .append(sentence(r, rows.size()).replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>"))
            .append("</li>"));
    return h.append("</ul>").toString();
  }

  /** The figure and its rank, {@code 12.3 ms [2]}, or a dash. */
  static String cell(Criterion c, Row r) {
    OptionalDouble v = r.values().get(c.name());
    if (v.isEmpty()) {
      return "–";
    }
    return ConsoleTable.num(v.getAsDouble(), c.digits())
        + c.unit()
        + " ["
        + r.ranks().get(c.name())
        + "]";
  }

  /** Each technique's sentence, in the order the techniques first appear in {@code runs}. */
  static Map<String, String> sentences(List<RunResult> runs) {
    List<Row> rows = rows(runs);
    Map<String, String> sentences = new LinkedHashMap<>();
    rows.forEach(r -> sentences.put(r.technique(), sentence(r, rows.size())));
    return sentences;
  }

  /**
   * Where {@code r} wins (ranks in the best third) and where it loses (the worst third), with the
   * figures: generated, never written by hand.
   */
  static String sentence(Row r, int techniques) {
    List<String> wins = new ArrayList<>();
    List<String> losses = new ArrayList<>();
    int third = Math.max(1, techniques / 3);
    for (Criterion c : CRITERIA) {
      Integer rank = r.ranks().get(c.name());
      if (rank == null) {
        continue;
      }
      String said = c.name() + " (" + cell(c, r) + ")";
      if (rank <= third) {
        wins.add(said);
      } else if (rank > techniques - third) {
        losses.add(said);
      }
    }
    return String.format(
        Locale.ROOT,
        "**%s** wins on %s; loses on %s.",
        r.technique(),
        wins.isEmpty() ? "nothing measured here" : String.join(", ", wins),
        losses.isEmpty() ? "nothing measured here" : String.join(", ", losses));
  }

  private static int parts(io.interservice.lab.technique.Technique.MovingParts p) {
    return p.processes() + p.infrastructure().size() + p.endpoints().size() + p.topics().size();
  }

  private static OptionalDouble median(
      List<RunResult> runs, String scenario, java.util.function.ToDoubleFunction<RunResult> f) {
    double[] v =
        runs.stream()
            .filter(r -> r.scenario().equals(scenario))
            .mapToDouble(f)
            .filter(d -> !Double.isNaN(d))
            .toArray();
    return v.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(Spread.of(v).median());
  }
}
