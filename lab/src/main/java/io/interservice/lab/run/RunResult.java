package io.interservice.lab.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.interservice.lab.technique.Technique;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one run measured; written to {@code results.json} with snake_case names (documented in
 * {@code docs/lab.md}).
 */
public record RunResult(
    String technique,
    String scenario,
    double offeredRate,
    double achievedRate,
    long ok,
    long failed,
    Map<String, Long> failures,
    Map<String, Long> failureReasons,
    Latency latencyMs,
    List<double[]> latencyCurve,
    @Nullable FaultWindow fault,
    double ownerRequestsPerOrder,
    @JsonProperty("cpu_s_per_1000_orders") Map<String, Double> cpuSPer1000Orders,
    Audit audit,
    long priceChanges,
    Timeline timeline,
    Technique.MovingParts movingParts,
    int techniqueLoc) {

  /** Latency of successful orders, from intended send time, in ms. */
  public record Latency(double p50, double p90, double p99, double p999, double max) {}

  /**
   * The fault window.
   *
   * @param kind the scenario
   * @param startS seconds into the measured part
   * @param durationS its length
   * @param availability share of orders sent inside the window that succeeded
   * @param recoveryS seconds from the window's end to the first second with ≥ 99 % successes, or
   *     null if that never came within the run
   */
  public record FaultWindow(
      String kind,
      double startS,
      double durationS,
      double availability,
      @Nullable Double recoveryS) {}

  /** The audit's figures. */
  public record Audit(
      long lines,
      long current,
      long stale,
      long corrupt,
      long lost,
      double staleRate,
      Staleness stalenessMs) {}

  /** Staleness of stale lines, in ms. */
  public record Staleness(double p99, double max) {}

  /** Successes and failures per second of the measured part. */
  public record Timeline(List<Long> ok, List<Long> failed) {}
}
