package io.interservice.lab.load;

import io.interservice.lab.scenario.CatalogAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Primes a freshly started checkout before the load: a few clients order one after another until
 * enough orders have succeeded, so that a run's first seconds measure the technique, not class
 * loading, the JIT, the first connections or a local copy still loading. Closed loop, so a cold
 * service is never flooded. The orders are real and audited like any other.
 */
public final class Priming {
  private static final int CLIENTS = 4;
  private static final int SUCCESSES = 100;
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(200);

  private Priming() {}

  /**
   * Orders carts of up to 10 of the first products from {@value #CLIENTS} clients until {@value
   * #SUCCESSES} orders succeeded or the patience (20 s) ran out; returns how many succeeded.
   */
  public static int prime(Client checkout, int products) throws InterruptedException {
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(
          Thread.ofVirtual()
              .start(() -> {
                try {
                  while (ok.get() < SUCCESSES && System.nanoTime() < deadline) {
                    if (order(checkout, cart(sent.getAndIncrement(), products))) {
                      ok.incrementAndGet();
                    } else {
                      Thread.sleep(PAUSE_AFTER_FAILURE);
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }));
    }
    for (Thread client : clients) {
      client.join();
    }
    return ok.get();
  }

  /**
   * Order {@code i}: 1 to 10 of the first 10 products only, so that a cache or a copy is not filled
   * by priming: the run's warm-up does that like any start would.
   */
  private static String cart(int i, int products) {
    StringJoiner lines = new StringJoiner(",", "{\"lines\":[", "]}");
    int size = 1 + i % Math.min(10, products);
    for (int n = 1; n <= size; n++) {
      lines.add("{\"sku\":\"" + CatalogAdmin.sku(n) + "\",\"quantity\":1}");
    }
    return lines.toString();
  }

  private static boolean order(Client checkout, String body) {
    return Orders.acknowledged(checkout, body, Duration.ofSeconds(5));
  }
}
