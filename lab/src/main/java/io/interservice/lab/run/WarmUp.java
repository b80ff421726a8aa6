package io.interservice.lab.run;

import io.interservice.lab.load.Client;
import io.interservice.lab.load.OpenLoopDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Warms fresh processes at the run's rate until the load looks steady: windows of {@value
 * #WINDOW_SECONDS} s, at least the configured warm-up, until two consecutive windows agree ({@link
 * Steadiness}) or the cap passes. What it cost (time, owner requests, orders) is the start-up's own
 * figure, reported apart from the steady state.
 */
final class WarmUp {
  static final int WINDOW_SECONDS = 2;

  /**
   * What the warm-up took.
   *
   * @param seconds how long it ran
   * @param settled whether two consecutive windows agreed before the cap
   * @param ownerRequests requests the owner served meanwhile (a cold cache's fill, say)
   * @param orders orders sent meanwhile
   * @param failed of them, those that failed
   * @param lastMoved what still moved between the last two windows, when it did not settle
   */
  record Outcome(
      double seconds,
      boolean settled,
      long ownerRequests,
      long orders,
      long failed,
      List<String> lastMoved) {}

  private WarmUp() {}

  static Outcome untilSteady(
      Client checkout,
      OwnerRequests owner,
      RunConfig config,
      Duration cap,
      int maxInFlight,
      Duration requestTimeout,
      Consumer<OpenLoopDriver.Progress> progress) {
    long start = System.nanoTime();
    long ownerStart = owner.total();
    Steadiness.Stretch previous = null;
    List<String> moved = List.of("no window yet");
    long orders = 0;
    long failed = 0;
    long seed = config.seed() + 7;
    while (true) {
      long ownerBefore = owner.total();
      OpenLoopDriver.Result w =
          OpenLoopDriver.run(
              checkout,
              new OpenLoopDriver.Config(
                  config.rate(),
                  Duration.ZERO,
                  Duration.ofSeconds(WINDOW_SECONDS),
                  config.products(),
                  config.skew(),
                  seed++,
                  maxInFlight,
                  requestTimeout),
              progress);
      long ownerAfter = owner.total();
      orders += w.offered();
      failed += w.failed();
      Steadiness.Stretch now =
          new Steadiness.Stretch(
              w.latency().getValueAtPercentile(50) / 1000.0,
              w.latency().getValueAtPercentile(99) / 1000.0,
              w.ok() == 0 ? 0 : (double) (ownerAfter - ownerBefore) / w.ok(),
              w.offered() == 0 ? 1 : (double) w.failed() / w.offered());
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (previous != null) {
        Steadiness.Verdict v = Steadiness.judge(previous, now);
        moved = v.moved();
        if (v.steady() && elapsed >= config.warmup().toMillis() / 1000.0) {
          return new Outcome(elapsed, true, ownerAfter - ownerStart, orders, failed, List.of());
        }
      }
      if (elapsed >= cap.toMillis() / 1000.0) {
        return new Outcome(
            elapsed, false, ownerAfter - ownerStart, orders, failed, new ArrayList<>(moved));
      }
      previous = now;
    }
  }
}
