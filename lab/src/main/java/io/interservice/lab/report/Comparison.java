package io.interservice.lab.report;

import io.interservice.lab.run.RunResult;
import java.util.List;
import java.util.Map;

/**
 * Everything a comparison produced, as written to {@code results.json}.
 *
 * @param startedAt when the comparison started (ISO-8601)
 * @param settings the flags it ran with
 * @param runs one per technique, scenario and repetition
 * @param spread for what ran more than once ({@code --repeat}), the spread of its figures
 * @param findMax per technique, the highest rate that held its SLO, when {@code --find-max} ran
 * @param ceiling what the machine can do at most, measured with {@code --find-max}
 */
public record Comparison(
    String startedAt,
    Map<String, Object> settings,
    List<RunResult> runs,
    List<Spread> spread,
    List<MaxRate> findMax,
    io.interservice.lab.run.Ceiling.@org.jspecify.annotations.Nullable Result ceiling) {

  /** Files written before a field existed read as empty lists. */
  public Comparison {
    spread = spread == null ? List.of() : spread;
    findMax = findMax == null ? List.of() : findMax;
  }

  /**
   * The outcome of {@code --find-max} for one technique.
   *
   * @param technique the technique
   * @param maxRate the highest rate whose p99 stayed within the SLO with under 1 % errors, or 0
   * @param steps every rate tried: rate, p99 ms, error rate
   * @param probe the metastability probe's fault window at 80 % of {@code maxRate} (a 10 s owner
   *     outage), when {@code --metastable} ran
   */
  public record MaxRate(
      String technique,
      double maxRate,
      List<double[]> steps,
      io.interservice.lab.run.RunResult.@org.jspecify.annotations.Nullable FaultWindow probe) {}
}
