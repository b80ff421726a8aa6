package io.interservice.lab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether two stretches of load look alike, so that a figure measured over them describes a steady
 * state and not a start-up: the median and p99 latency, the owner requests per order and the share
 * of failures each agree within a tolerance. The warm-up goes on until two consecutive windows
 * agree; the measured part is judged by its first half against its second.
 *
 * <p>Tolerances, wide enough for a 2-core machine's noise and narrow enough to catch a cold cache
 * or JIT: p50 within 2 ms or 25 %; p99 within 5 ms or 50 % (a tail is noisier); owner requests per
 * order within 0.02 or 20 %; failures within 1 percentage point; the consumer's CPU per order
 * within 0.1 ms or 30 % (a JIT still compiling the request path is a start-up, not a steady state),
 * unless a stretch did not measure it (NaN).
 */
final class Steadiness {
  private Steadiness() {}

  /** What a stretch of load showed. */
  record Stretch(
      double p50Ms,
      double p99Ms,
      double ownerRequestsPerOrder,
      double failureRate,
      double consumerCpuMsPerOrder) {}

  /** The verdict, and each figure that moved too much ({@code p99 12.0 -> 30.1 ms}). */
  record Verdict(boolean steady, List<String> moved) {}

  static Verdict judge(Stretch a, Stretch b) {
    List<String> moved = new ArrayList<>();
    check(moved, "p50", a.p50Ms(), b.p50Ms(), 2, 0.25, " ms");
    check(moved, "p99", a.p99Ms(), b.p99Ms(), 5, 0.50, " ms");
    check(
        moved,
        "owner requests per order",
        a.ownerRequestsPerOrder(),
        b.ownerRequestsPerOrder(),
        0.02,
        0.20,
        "");
    if (!Double.isNaN(a.consumerCpuMsPerOrder()) && !Double.isNaN(b.consumerCpuMsPerOrder())) {
      check(
          moved,
          "checkout CPU per order",
          a.consumerCpuMsPerOrder(),
          b.consumerCpuMsPerOrder(),
          0.1,
          0.30,
          " ms");
    }
    if (Math.abs(a.failureRate() - b.failureRate()) > 0.01) {
      moved.add(
          String.format(
              Locale.ROOT,
              "failures %.1f %% -> %.1f %%",
              a.failureRate() * 100,
              b.failureRate() * 100));
    }
    return new Verdict(moved.isEmpty(), List.copyOf(moved));
  }

  private static void check(
      List<String> moved,
      String what,
      double a,
      double b,
      double absolute,
      double relative,
      String unit) {
    double diff = Math.abs(a - b);
    if (diff > absolute && diff > relative * Math.max(a, b)) {
      moved.add(String.format(Locale.ROOT, "%s %.3g -> %.3g%s", what, a, b, unit));
    }
  }
}
