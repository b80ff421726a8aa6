package io.interservice.lab.report;

import io.interservice.lab.run.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What repeating a comparison shows: for each technique and scenario run more than once, the
 * median, lowest and highest of its main figures, so that a difference can be told from noise.
 *
 * @param technique the technique
 * @param scenario the scenario
 * @param runs how many runs the figures come from
 * @param figures per figure (e.g. {@code p99_ms}), its median, min and max over the runs
 */
public record Spread(String technique, String scenario, int runs, Map<String, Range> figures) {

  /**
   * A figure over repeated runs.
   *
   * @param median the median (the mean of the middle two for an even count); null when no run had
   *     the figure
   * @param min the lowest, or null
   * @param max the highest, or null
   * @param missing runs where the figure did not come (a recovery not seen within the run)
   */
  public record Range(
      @Nullable Double median, @Nullable Double min, @Nullable Double max, int missing) {}

  /** Marks a figure a run should have had but did not: a recovery not seen within the run. */
  private static final double DID_NOT_COME = Double.NaN;

  private static final Map<String, Function<RunResult, @Nullable Double>> FIGURES = measures();

  private static Map<String, Function<RunResult, @Nullable Double>> measures() {
    Map<String, Function<RunResult, @Nullable Double>> f = new LinkedHashMap<>();
    f.put("achieved_rate", RunResult::achievedRate);
    f.put("p50_ms", r -> r.latencyMs().p50());
    f.put("p99_ms", r -> r.latencyMs().p99());
    f.put("availability", Spread::availability);
    f.put("recovery_s", Spread::recovery);
    f.put("owner_requests_per_order", RunResult::ownerRequestsPerOrder);
    f.put("stale_rate", r -> r.audit().staleRate());
    return f;
  }

  private static @Nullable Double availability(RunResult r) {
    RunResult.FaultWindow w = r.fault();
    return w == null ? null : Double.valueOf(w.availability());
  }

  private static @Nullable Double recovery(RunResult r) {
    RunResult.FaultWindow w = r.fault();
    if (w == null) {
      return null;
    }
    Double recovery = w.recoveryS();
    return recovery == null ? Double.valueOf(DID_NOT_COME) : recovery;
  }

  /** The spread of every technique and scenario that ran more than once, in the runs' order. */
  public static List<Spread> of(List<RunResult> results) {
    Map<String, List<RunResult>> groups = new LinkedHashMap<>();
    for (RunResult r : results) {
      groups
          .computeIfAbsent(r.technique() + "\u0000" + r.scenario(), k -> new ArrayList<>())
          .add(r);
    }
    List<Spread> spreads = new ArrayList<>();
    for (List<RunResult> group : groups.values()) {
      if (group.size() < 2) {
        continue;
      }
      Map<String, Range> ranges = new LinkedHashMap<>();
      FIGURES.forEach((name, figure) -> {
        Range range = range(group, figure);
        if (range != null) {
          ranges.put(name, range);
        }
      });
      RunResult first = group.get(0);
      spreads.add(new Spread(first.technique(), first.scenario(), group.size(), ranges));
    }
    return spreads;
  }

  private static @Nullable Range range(
      List<RunResult> group, Function<RunResult, @Nullable Double> figure) {
    double[] values = new double[group.size()];
    int n = 0;
    int missing = 0;
    for (RunResult r : group) {
      Double v = figure.apply(r);
      if (v == null) {
        continue;
      }
      if (v.isNaN()) {
        missing++;
      } else {
        values[n++] = v;
      }
    }
    if (n == 0) {
      return missing == 0 ? null : new Range(null, null, null, missing);
    }
    Range r = of(Arrays.copyOf(values, n));
    return new Range(r.median(), r.min(), r.max(), missing);
  }

  /** The median, lowest and highest of {@code values} (at least one, none NaN). */
  static Range of(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new Range(median, sorted[0], sorted[n - 1], 0);
  }
}
