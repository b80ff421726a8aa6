package io.interservice.lab.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.interservice.lab.technique.Technique;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one run measured, and on what: {@code processes} is {@code fresh} when the run started the
 * services (and primed them), {@code kept} when it used those of the technique's run before;
 * written to {@code results.json} with snake_case names (documented in {@code docs/lab.md}).
 */
public record RunResult(
    String technique,
    String scenario,
    int repeat,
    String processes,
    double warmupS,
    @Nullable Double measuredS,
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
    int techniqueLoc,
    @Nullable Propagation propagationMs,
    long pendingAfterDrain,
    @Nullable Machine machine,
    @Nullable Startup startup,
    @Nullable Steady steady) {

  /**
   * The start-up of fresh processes, apart from the steady state: null for a run on kept processes.
   *
   * @param readyS seconds from starting catalog and checkout (and seeding) to both being ready
   * @param compileS seconds ordered back to back after priming for the JIT compilers to settle (0
   *     when not asked for)
   * @param compileOrders orders acknowledged in those seconds
   * @param compileOwnerRequests requests the owner served in those seconds (a cache's cold fill is
   *     left to the warm-up: its compile step orders the first 10 products only); null when not
   *     asked for (or in results from before it was counted)
   * @param compilersSettled whether the compilers of both services settled before the cap; null
   *     when not asked for (or in results from before it was measured)
   * @param warmupS seconds of load until it looked steady (or the cap)
   * @param settled whether two consecutive warm-up windows agreed before the cap
   * @param stillMoving what still moved between the last two windows when it did not settle
   * @param ownerRequests requests the owner served during the warm-up (a cache's cold fill)
   * @param orders orders sent during the warm-up
   * @param failed of them, those that failed
   * @param audit priming's and the warm-up's orders audited (lost and corrupt count as anywhere)
   */
  public record Startup(
      double readyS,
      double compileS,
      long compileOrders,
      @Nullable Long compileOwnerRequests,
      @Nullable Boolean compilersSettled,
      double warmupS,
      boolean settled,
      List<String> stillMoving,
      long ownerRequests,
      long orders,
      long failed,
      Audit audit) {}

  /**
   * Whether the measured part was stationary: its first half against its second.
   *
   * @param stationary null for a run with a fault window (it is not meant to be)
   * @param moved the figures that moved beyond the tolerance
   * @param p99Ms the p99 of each half
   * @param ownerRequestsPerOrder those of each half
   * @param checkoutCpuMsPerOrder checkout's CPU milliseconds per order in each half (null in
   *     results written before it was kept): where the JIT still compiles, the second half is the
   *     nearer to the steady cost
   * @param checkoutJitMsPerOrder of that, what checkout's JIT compiler threads used per order in
   *     each half (null in results written before it was kept): the start-up's tail inside the
   *     measured window, at a low rate still compiling code that runs once per price change
   */
  public record Steady(
      @Nullable Boolean stationary,
      List<String> moved,
      double[] p99Ms,
      double[] ownerRequestsPerOrder,
      double @Nullable [] checkoutCpuMsPerOrder,
      double @Nullable [] checkoutJitMsPerOrder) {}

  /**
   * The machine while the run was measured.
   *
   * @param load1Before the 1-minute load average as it began
   * @param load1After the same as it ended
   * @param othersCores CPU that processes outside the lab's tree used, in cores (0.25 = a quarter
   *     of one core)
   * @param kernelCores CPU the kernel spent beyond any process's account (interrupts while a core
   *     idled, its own threads), in cores: mostly the run's own network and disk work
   * @param stealCores CPU the hypervisor took, in cores
   * @param shared whether either passed a tenth of a core: the run's figures are suspect
   * @param ioStallMs time every runnable task on the machine waited on the disk at once, in ms (-1
   *     where the kernel does not say)
   * @param diskStalled whether that passed 100 ms: the run's tail is the disk's, not the
   *     technique's
   * @param syscallMicros what a system call cost just before the load started, in µs (0: not
   *     measured)
   * @param handoffMicros what waking a parked thread and switching to it cost then, in µs (0: not
   *     measured)
   */
  public record Machine(
      double load1Before,
      double load1After,
      double othersCores,
      double kernelCores,
      double stealCores,
      boolean shared,
      double ioStallMs,
      double ioStallWorstSecondMs,
      boolean diskStalled,
      double syscallMicros,
      double handoffMicros) {}

  /**
   * How long the owner's price changes took to reach the consumer's replica, for a technique that
   * logs when it applied each version: from the commit of a version in catalog to its application
   * in checkout, over the changes committed in the run.
   *
   * @param changes versions committed in the run
   * @param missing those of them not applied by the end of the run
   */
  public record Propagation(long changes, long missing, double p50, double p99, double max) {}

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
   *     null if that did not come within the run
   * @param observedAfterS how many seconds of the run followed the window
   * @param ownerCallsPerOrder requests checkout's reader sent to catalog while the window lasted,
   *     retries included, per order sent in it (counted by checkout, so a dead catalog does not
   *     hide them); null for a technique without such a reader
   */
  public record FaultWindow(
      String kind,
      double startS,
      double durationS,
      double availability,
      @Nullable Double recoveryS,
      double observedAfterS,
      @Nullable Double ownerCallsPerOrder) {

    /** The recovery as a table shows it: seconds, or {@code >N} when not within the run. */
    public String recoveryLabel() {
      return recoveryS != null
          ? String.format(Locale.ROOT, "%.0f", recoveryS)
          : String.format(Locale.ROOT, ">%.0f", observedAfterS);
    }
  }

  /**
   * The audit's figures; {@code instants} is {@code commit} when versions and orders were dated by
   * their commits, {@code recorded} when by the instants recorded in their transactions.
   */
  public record Audit(
      String instants,
      long lines,
      long current,
      long stale,
      long corrupt,
      long lost,
      double staleRate,
      Staleness stalenessMs,
      @Nullable List<Freshness> freshness,
      @Nullable Map<String, Long> linesBySource,
      @Nullable Map<String, Double> stalenessMaxMsBySource) {}

  /**
   * One point of the freshness curve: of the lines ordered {@code fromMs} to {@code toMs} (null: no
   * end) after their sku's last change, how many there were and the share that were current.
   */
  public record Freshness(
      double fromMs, @org.jspecify.annotations.Nullable Double toMs, long lines, double current) {}

  /** Staleness of stale lines, in ms. */
  public record Staleness(double p99, double max) {}

  /** Successes and failures per second of the measured part. */
  public record Timeline(List<Long> ok, List<Long> failed) {}
}
