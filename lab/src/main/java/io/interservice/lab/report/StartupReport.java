package io.interservice.lab.report;

import io.interservice.lab.run.RunResult;
import java.util.List;
import java.util.Locale;

/**
 * Start-up apart from the steady state: per fresh run, the time to ready and to steady, what the
 * warm-up cost the owner, its orders' audit; and which measured parts were not stationary.
 */
public final class StartupReport {
  private StartupReport() {}

  /**
   * A warning line per run that was not steady, or a line saying every one was; for both reports.
   */
  public static String steadinessNote(List<RunResult> runs) {
    StringBuilder s = new StringBuilder();
    int judged = 0;
    for (RunResult r : runs) {
      if (r.steady() == null || r.steady().stationary() == null) {
        continue;
      }
      judged++;
      if (!r.steady().stationary()) {
        s.append(
            String.format(
                Locale.ROOT,
                "**Not stationary:** %s · %s: its second half differed from its first (%s%s);"
                    + " its figures mix two states.%n",
                r.technique(),
                r.scenario(),
                String.join(", ", r.steady().moved()),
                jit(r.steady())));
      }
    }
    for (RunResult r : runs) {
      if (r.startup() != null && Boolean.FALSE.equals(r.startup().compilersSettled())) {
        s.append(
            String.format(
                Locale.ROOT,
                "**Compilers still busy:** %s · %s: the JIT compilers had not settled after %.0f s"
                    + " of orders back to back (`--compile-cap`); its CPU figures include their"
                    + " work.%n",
                r.technique(),
                r.scenario(),
                r.startup().compileS()));
      }
      if (r.startup() != null && !r.startup().settled()) {
        s.append(
            String.format(
                Locale.ROOT,
                "**Warm-up did not settle:** %s · %s after %.0f s (still moving: %s).%n",
                r.technique(),
                r.scenario(),
                r.startup().warmupS(),
                String.join(", ", r.startup().stillMoving())));
      }
    }
    if (s.isEmpty() && judged > 0) {
      s.append("Every run without a fault window was stationary (first half against second).\n");
    }
    return s.toString();
  }

  /**
   * {@code "; of checkout's CPU, its JIT compiler 1.20 -> 0.20 ms per order"} when checkout's CPU
   * moved and the run kept its JIT's share, else empty: a CPU figure that fell because the compiler
   * finished is the start-up's tail, not a change of the technique's cost.
   */
  private static String jit(RunResult.Steady steady) {
    double[] jit = steady.checkoutJitMsPerOrder();
    if (jit == null || steady.moved().stream().noneMatch(m -> m.startsWith("checkout CPU"))) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "; of checkout's CPU, its JIT compiler %.2f -> %.2f ms per order",
        jit[0],
        jit[1]);
  }

  /**
   * {@code 23.1}, {@code **45.0, still busy**}, or {@code –} when the compilers were not waited
   * for.
   */
  private static String compilers(RunResult.Startup u) {
    if (u.compilersSettled() == null) {
      return "–";
    }
    return u.compilersSettled()
        ? String.format(Locale.ROOT, "%.1f", u.compileS())
        : String.format(Locale.ROOT, "**%.1f, still busy**", u.compileS());
  }

  /** The start-up table, in Markdown; empty when no run started fresh. */
  public static String table(List<RunResult> runs) {
    List<RunResult> fresh = runs.stream().filter(r -> r.startup() != null).toList();
    if (fresh.isEmpty()) {
      return "";
    }
    StringBuilder md =
        new StringBuilder(
            "\n## Start-up, apart from the steady state\n\n"
                + "Fresh processes, once primed, are ordered from back to back by four clients until"
                + " the JIT compilers of both services have used under 5 % of a core for 3 seconds"
                + " in a row (`--compile-cap` at most, 45 s by default; none with `--quick`),"
                + " with carts drawn as the load's (the first 10 products only where checkout's"
                + " cache fills from the orders): \"compilers\" below, the seconds it took and"
                + " whether they settled, then the requests catalog served meanwhile. Then they"
                + " are warmed at the run's rate in 3 s windows (1 s with `--quick`) until"
                + " the last agrees"
                + " with each of the two before it (p50 within 2 ms or 25 %, p99 within 5 ms or 50"
                + " %, owner requests per order within 0.02 or 20 %, failures within 1 point), for"
                + " at least `--warmup` and at most `--warmup-cap` (30 s by default, 3 s with"
                + " `--quick`). Their orders are audited here, not in the figures above.\n\n"
                + "| technique | scenario | ready (s) | compilers (s) | owner requests meanwhile"
                + " | warm-up (s) | settled | owner requests during warm-up | per order |"
                + " orders failed | corrupt | lost |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (RunResult r : fresh) {
      RunResult.Startup u = r.startup();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.1f | %s | %s | %.1f | %s | %d | %.3f | %d of %d | %d | %d |%n",
              r.technique(),
              r.scenario(),
              u.readyS(),
              compilers(u),
              u.compileOwnerRequests() == null ? "–" : u.compileOwnerRequests().toString(),
              u.warmupS(),
              u.settled() ? "yes" : "**no**",
              u.ownerRequests(),
              u.orders() == 0 ? 0.0 : (double) u.ownerRequests() / u.orders(),
              u.failed(),
              u.orders(),
              u.audit().corrupt(),
              u.audit().lost()));
    }
    return md.toString();
  }
}
