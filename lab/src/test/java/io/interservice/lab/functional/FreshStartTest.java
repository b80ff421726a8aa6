package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.lab.load.OpenLoopDriver;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two cold JVMs pressed at 100 orders/s open loop the moment checkout says it is ready, with no
 * priming: a healthy catalog is never taken for a failing one, and checkout's own path is warm.
 * (Before checkout warmed its path to catalog ahead of readiness, the breaker opened in the first
 * second: 225 of 300 orders refused {@code circuit_open} in one run of this test. Before it
 * rehearsed its order path, one run in five on a slow day refused a few {@code overloaded}.)
 */
class FreshStartTest {
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    // -Dfresh-start.checkout-args="--warm-up-orders 0" measures a checkout that does not rehearse
    String extra = System.getProperty("fresh-start.checkout-args", "").trim();
    scenario =
        Scenario.start(
            FreshStartTest.class, "direct", extra.isEmpty() ? new String[0] : extra.split(" +"));
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void aFreshCheckoutRefusesNoOrderAgainstAHealthyCatalog() throws Exception {
    OpenLoopDriver.Result load =
        OpenLoopDriver.run(
            scenario.topology.client(),
            new OpenLoopDriver.Config(
                100,
                Duration.ZERO,
                Duration.ofSeconds(3),
                Scenario.PRODUCTS,
                1.0,
                1,
                500,
                Duration.ofSeconds(10)),
            p -> {});

    System.out.printf(
        "a fresh checkout at 100 orders/s from readiness: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        load.latency().getValueAtPercentile(50) / 1000.0,
        load.latency().getValueAtPercentile(99) / 1000.0,
        load.latency().getMaxValue() / 1000.0);
    // on failure, when they fell and how slow the path was: a stall of the machine fills the
    // in-flight limit (overloaded), a catalog taken for failing opens the breaker (circuit_open)
    assertThat(load.reasons())
        .as(
            "refusals by reason (ok per second %s, failed per second %s, p99 %.1f ms, max %.1f ms)",
            load.timeline().ok(),
            load.timeline().failed(),
            load.latency().getValueAtPercentile(99) / 1000.0,
            load.latency().getMaxValue() / 1000.0)
        .isEmpty();
    assertThat(load.ok()).isEqualTo(load.offered());
    assertThat(scenario.orderCount())
        .as("orders stored: each one acknowledged, and none of checkout's rehearsals")
        .isEqualTo(load.ok());
  }
}
