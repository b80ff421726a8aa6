package io.interservice.lab.run;

import io.interservice.audit.AuditResult;
import io.interservice.lab.load.OpenLoopDriver;
import io.interservice.lab.load.Outcome;
import io.interservice.lab.load.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jspecify.annotations.Nullable;

/** How a run's measurements become its {@link RunResult}: pure functions of what was measured. */
final class Figures {
  /** The key of the load generator's own CPU in {@code cpu_s_per_1000_orders}. */
  public static final String LOAD_DRIVER = "load-driver";

  private Figures() {}

  static RunResult result(
      RunConfig config,
      boolean kept,
      boolean byCommit,
      OpenLoopDriver.Result load,
      double seconds,
      long ownerRequests,
      Map<String, Double> cpuSeconds,
      AuditResult audit,
      long priceChanges,
      int loc,
      RunResult.@Nullable Propagation propagation,
      long pending,
      long ownerCallsInWindow,
      RunResult.@Nullable Machine machine,
      RunResult.@Nullable Startup startup,
      Halves halves,
      double loadDriverCpuSeconds) {
    long ok = load.ok();
    Map<String, Long> failures = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      if (o != Outcome.OK) {
        failures.put(
            o.name().toLowerCase(java.util.Locale.ROOT), load.outcomes().getOrDefault(o, 0L));
      }
    }
    Map<String, Double> cpuPer1000 = new LinkedHashMap<>();
    cpuSeconds.forEach(
        (name, used) -> cpuPer1000.put(name, ok == 0 ? 0 : round(used * 1000.0 / ok, 3)));
    // the lab's own JVM, the load generator: so that nobody takes its limit for the system's
    cpuPer1000.put(LOAD_DRIVER, ok == 0 ? 0 : round(loadDriverCpuSeconds * 1000.0 / ok, 3));
    Histogram h = load.latency();
    RunResult.Latency latency =
        new RunResult.Latency(
            ms(h.getValueAtPercentile(50)),
            ms(h.getValueAtPercentile(90)),
            ms(h.getValueAtPercentile(99)),
            ms(h.getValueAtPercentile(99.9)),
            ms(h.getMaxValue()));
    return new RunResult(
        config.technique().name(),
        config.fault().name(),
        config.repeat(),
        kept ? "kept" : "fresh",
        config.warmup().toMillis() / 1000.0,
        config.duration().toMillis() / 1000.0,
        round(load.offered() / seconds, 1),
        round(ok / seconds, 1),
        ok,
        load.failed(),
        failures,
        load.reasons(),
        latency,
        curve(h),
        window(config, load.timeline(), ownerCallsInWindow),
        ok == 0 ? 0 : round((double) ownerRequests / ok, 3),
        cpuPer1000,
        audit(audit, byCommit),
        priceChanges,
        new RunResult.Timeline(load.timeline().ok(), load.timeline().failed()),
        config.technique().movingParts(),
        loc,
        propagation,
        pending,
        machine,
        startup,
        steady(config, load, ownerRequests, halves));
  }

  /** An audit's figures as a run reports them. */
  static RunResult.Audit audit(AuditResult audit, boolean byCommit) {
    return new RunResult.Audit(
        byCommit ? "commit" : "recorded",
        audit.lines(),
        audit.current(),
        audit.stale(),
        audit.corrupt(),
        audit.lost(),
        round(audit.staleRate(), 5),
        new RunResult.Staleness(round(audit.stalenessP99Ms(), 1), round(audit.stalenessMaxMs(), 1)),
        audit.freshness().stream()
            .map(b ->
                new RunResult.Freshness(
                    b.fromMs(),
                    Double.isInfinite(b.toMs()) ? null : b.toMs(),
                    b.lines(),
                    round(b.currentShare(), 4)))
            .toList(),
        audit.linesBySource(),
        audit.stalenessMaxMsBySource());
  }

  /**
   * What was counted at the measured part's midpoint and end: owner requests, checkout's CPU
   * seconds, and of them its JIT compiler threads' (a restarted checkout's are clamped at 0).
   */
  record Halves(
      long ownerRequestsFirstHalf,
      double checkoutCpuFirstHalf,
      double checkoutCpu,
      double checkoutJitFirstHalf,
      double checkoutJit) {}

  /** The measured part's first half against its second ({@link Steadiness}). */
  static RunResult.Steady steady(
      RunConfig config, OpenLoopDriver.Result load, long ownerRequests, Halves at) {
    long firstHalfOwner = at.ownerRequestsFirstHalf();
    Timeline t = load.timeline();
    long[] ok = new long[2];
    long[] sent = new long[2];
    for (int s = 0; s < t.seconds(); s++) {
      int half = s < t.seconds() / 2.0 ? 0 : 1;
      ok[half] += t.count(s, Outcome.OK);
      sent[half] += t.total(s);
    }
    long[] owner = {firstHalfOwner, Math.max(0, ownerRequests - firstHalfOwner)};
    double[] cpu = {
      at.checkoutCpuFirstHalf(), Math.max(0, at.checkoutCpu() - at.checkoutCpuFirstHalf())
    };
    double[] jit = {
      Math.max(0, at.checkoutJitFirstHalf()),
      Math.max(0, at.checkoutJit() - at.checkoutJitFirstHalf())
    };
    double[] jitMsPerOrder = new double[2];
    Steadiness.Stretch[] halves = new Steadiness.Stretch[2];
    for (int h = 0; h < 2; h++) {
      Histogram latency = load.halves().get(h);
      jitMsPerOrder[h] =
          latency.getTotalCount() == 0 ? 0 : round(jit[h] * 1000 / latency.getTotalCount(), 3);
      halves[h] =
          new Steadiness.Stretch(
              ms(latency.getValueAtPercentile(50)),
              ms(latency.getValueAtPercentile(99)),
              // the successes of each half by intended send time, exactly at the driver's midpoint
              latency.getTotalCount() == 0
                  ? 0
                  : round((double) owner[h] / latency.getTotalCount(), 3),
              sent[h] == 0 ? 0 : (double) (sent[h] - ok[h]) / sent[h],
              latency.getTotalCount() == 0 ? 0 : cpu[h] * 1000 / latency.getTotalCount());
    }
    Steadiness.Verdict v = Steadiness.judge(halves[0], halves[1]);
    return new RunResult.Steady(
        config.fault().hasWindow() ? null : v.steady(),
        v.moved(),
        new double[] {halves[0].p99Ms(), halves[1].p99Ms()},
        new double[] {halves[0].ownerRequestsPerOrder(), halves[1].ownerRequestsPerOrder()},
        new double[] {
          round(halves[0].consumerCpuMsPerOrder(), 3), round(halves[1].consumerCpuMsPerOrder(), 3)
        },
        jitMsPerOrder);
  }

  /**
   * The fault window's figures; {@code ownerCalls} is negative when checkout did not count them.
   */
  static RunResult.@org.jspecify.annotations.Nullable FaultWindow window(
      RunConfig config, Timeline timeline, long ownerCalls) {
    if (!config.fault().hasWindow()) {
      return null;
    }
    int start = (int) config.faultStart().toSeconds();
    int end = (int) (config.faultStart().plus(config.faultDuration()).toSeconds());
    long sent = 0;
    long ok = 0;
    for (int s = start; s < Math.min(end, timeline.seconds()); s++) {
      sent += timeline.total(s);
      ok += timeline.count(s, Outcome.OK);
    }
    Double recovery = null;
    for (int s = end; s < timeline.seconds(); s++) {
      long total = timeline.total(s);
      if (total > 0 && timeline.count(s, Outcome.OK) >= 0.99 * total) {
        recovery = (double) (s - end);
        break;
      }
    }
    return new RunResult.FaultWindow(
        config.fault().name(),
        config.faultStart().toMillis() / 1000.0,
        config.faultDuration().toMillis() / 1000.0,
        sent == 0 ? 0 : round((double) ok / sent, 4),
        recovery,
        Math.max(0, timeline.seconds() - end),
        ownerCalls < 0 || sent == 0 ? null : round((double) ownerCalls / sent, 3));
  }

  private static List<double[]> curve(Histogram h) {
    List<double[]> points = new ArrayList<>();
    if (h.getTotalCount() == 0) {
      return points;
    }
    for (HistogramIterationValue v : h.percentiles(5)) {
      double p = v.getPercentileLevelIteratedTo();
      points.add(new double[] {round(p, 4), ms(v.getValueIteratedTo())});
      if (p >= 99.99) {
        break;
      }
    }
    return points;
  }

  private static double ms(long micros) {
    return round(micros / 1000.0, 2);
  }

  static double round(double v, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(v * scale) / scale;
  }
}
