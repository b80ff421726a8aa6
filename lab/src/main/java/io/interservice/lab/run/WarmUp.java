package io.interservice.lab.run;

import io.interservice.lab.load.Client;
import io.interservice.lab.load.OpenLoopDriver;
import io.interservice.lab.load.PriceWriter;
import io.interservice.lab.load.Priming;
import io.interservice.lab.load.SkuPicker;
import io.interservice.lab.scenario.CatalogAdmin;
import io.interservice.lab.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Warms fresh processes at the run's rate until the load looks steady: in windows (3 s by default,
 * 1 s for a quick look), for at least the configured warm-up, until the last window agrees with
 * each of the two before it ({@link Steadiness}; two windows back, so that a slow drift, a cache's
 * long tail still filling, is not taken for a plateau) or the cap passes. What it cost (time, owner
 * requests, orders) is the start-up's own figure, reported apart from the steady state.
 */
final class WarmUp {
  /**
   * What the warm-up took.
   *
   * @param seconds how long it ran
   * @param settled whether three consecutive windows agreed before the cap
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
      List<String> lastMoved) {

    /**
     * The start-up's figures: this warm-up after {@code readyS} of starting and, unless null, the
     * ordering for the compilers to settle ({@code compiled}); the orders' audit.
     */
    RunResult.Startup startup(double readyS, @Nullable Compiled compiled, RunResult.Audit audit) {
      return new RunResult.Startup(
          Figures.round(readyS, 1),
          compiled == null ? 0 : Figures.round(compiled.ordering().seconds(), 1),
          compiled == null ? 0 : compiled.ordering().orders(),
          compiled == null ? null : compiled.ownerRequests(),
          compiled == null ? null : compiled.ordering().settled(),
          Figures.round(seconds, 1),
          settled,
          lastMoved,
          ownerRequests,
          orders,
          failed,
          audit);
    }
  }

  /**
   * What ordering for the compilers took.
   *
   * @param ordering its time and orders, and whether the compilers settled
   * @param ownerRequests requests the owner served meanwhile
   */
  record Compiled(Priming.Compiled ordering, long ownerRequests) {}

  private WarmUp() {}

  /**
   * Warms until steady, with the run's price changes going on through {@code admin}: a steady state
   * includes them, and their code paths (applying a change, invalidating, pushing) would otherwise
   * start cold in the measured window.
   */
  static Outcome untilSteady(
      Client checkout,
      OwnerRequests owner,
      CatalogAdmin admin,
      RunConfig config,
      WarmUpPlan plan,
      int maxInFlight,
      Duration requestTimeout,
      Consumer<OpenLoopDriver.Progress> progress) {
    PriceWriter changes = priceChanges(admin, config, 3);
    try {
      return windows(checkout, owner, config, plan, maxInFlight, requestTimeout, progress);
    } finally {
      changes.close();
    }
  }

  /**
   * Orders from back to back until the JIT compilers of both services have settled, {@code plan}'s
   * compile cap at most, with the run's price changes going on (the code that applies them is part
   * of the steady state too); null when the plan asks for none.
   */
  static @Nullable Compiled untilCompiled(Topology running, RunConfig config, WarmUpPlan plan)
      throws InterruptedException {
    if (plan.compileCap().isZero()) {
      return null;
    }
    OwnerRequests owner =
        new OwnerRequests(running.catalog().url(), config.technique().ownerEndpoints());
    long catalogPid = running.catalog().pid();
    long checkoutPid = running.checkout().pid();
    Priming.Compiled compiled;
    PriceWriter changes = priceChanges(running.admin(), config, 5);
    try {
      compiled =
          Priming.untilCompiled(
              running.client(),
              compileCarts(config),
              () ->
                  ProcessCpu.compilerSeconds(catalogPid) + ProcessCpu.compilerSeconds(checkoutPid),
              plan.compileCap());
    } finally {
      changes.close();
    }
    long ownerRequests = owner.total();
    System.err.printf(
        "ordered back to back for %.1f s (%d orders, %d owner requests): the JIT compilers %s%n",
        compiled.seconds(),
        compiled.orders(),
        ownerRequests,
        compiled.settled()
            ? "settled"
            : "had not settled by --compile-cap; steady CPU figures include their work");
    return new Compiled(compiled, ownerRequests);
  }

  /**
   * The compile step's carts: the load's (every product, as popular, from random streams of their
   * own), but the first 10 products for a technique whose copy fills from the orders themselves.
   */
  private static IntFunction<String> compileCarts(RunConfig config) {
    if (config.technique().fillsOnReads()) {
      return Priming.firstProducts(config.products());
    }
    SkuPicker skus =
        new SkuPicker(config.products(), config.skew(), new SplittableRandom(config.seed() + 7));
    return Priming.asTheLoad(skus, config.seed() + 11);
  }

  /** The run's price changes through {@code admin}, from a random stream of their own. */
  private static PriceWriter priceChanges(CatalogAdmin admin, RunConfig config, int seedOffset) {
    return new PriceWriter(
        admin,
        config::updateRate,
        config.products(),
        config.updateSkew(),
        config.seed() + seedOffset);
  }

  private static Outcome windows(
      Client checkout,
      OwnerRequests owner,
      RunConfig config,
      WarmUpPlan plan,
      int maxInFlight,
      Duration requestTimeout,
      Consumer<OpenLoopDriver.Progress> progress) {
    long start = System.nanoTime();
    long ownerStart = owner.total();
    java.util.Deque<Steadiness.Stretch> previous = new java.util.ArrayDeque<>();
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
                  plan.window(),
                  config.products(),
                  config.skew(),
                  seed++,
                  maxInFlight,
                  requestTimeout),
              progress);
      long ownerAfter = owner.total();
      // an order accepted as pending (202) has not failed: it settles later, outside the window
      long windowFailed = w.failed() - w.accepted().size();
      orders += w.offered();
      failed += windowFailed;
      Steadiness.Stretch now =
          new Steadiness.Stretch(
              w.latency().getValueAtPercentile(50) / 1000.0,
              w.latency().getValueAtPercentile(99) / 1000.0,
              w.ok() == 0 ? 0 : (double) (ownerAfter - ownerBefore) / w.ok(),
              w.offered() == 0 ? 1 : (double) windowFailed / w.offered(),
              // CPU is not judged here: at low rates the JIT's tail outlasts any affordable warm-up
              // (the measured halves are judged on it, and flagged)
              Double.NaN);
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (previous.size() == 2) {
        List<String> drift = new ArrayList<>();
        previous.forEach(p -> drift.addAll(Steadiness.judge(p, now).moved()));
        moved = drift;
        if (drift.isEmpty() && elapsed >= config.warmup().toMillis() / 1000.0) {
          return new Outcome(elapsed, true, ownerAfter - ownerStart, orders, failed, List.of());
        }
        previous.removeFirst();
      }
      if (elapsed >= plan.cap().toMillis() / 1000.0) {
        return new Outcome(
            elapsed, false, ownerAfter - ownerStart, orders, failed, new ArrayList<>(moved));
      }
      previous.addLast(now);
    }
  }
}
