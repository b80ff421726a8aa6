package io.interservice.lab.load;

import io.interservice.lab.scenario.CatalogAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;

/**
 * Primes a freshly started checkout before the load: a few clients order one after another until
 * enough orders have succeeded, so that a run's first seconds measure the technique, not class
 * loading, the JIT, the first connections or a local copy still loading. Closed loop, so a cold
 * service is never flooded. The orders are real and audited like any other.
 *
 * <p>Then, {@link #untilCompiled}, the same clients order back to back until the services' JIT
 * compilers have settled: at 100 orders/s the compilers of a fresh JVM are busy for minutes, and a
 * CPU figure taken meanwhile is mostly their start-up, not the technique.
 */
public final class Priming {
  private static final int CLIENTS = 4;
  private static final int SUCCESSES = 100;
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(200);
  private static final Duration LISTEN = Duration.ofSeconds(1);

  private Priming() {}

  /**
   * Orders carts of up to 10 of the first products from {@value #CLIENTS} clients until {@value
   * #SUCCESSES} orders succeeded or the patience (20 s) ran out; returns how many succeeded.
   */
  public static int prime(Client checkout, int products) throws InterruptedException {
    AtomicInteger ok = new AtomicInteger();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    join(
        clients(
            checkout,
            firstProducts(products),
            ok,
            () -> ok.get() < SUCCESSES && System.nanoTime() < deadline));
    return ok.get();
  }

  /**
   * What {@link #untilCompiled} did.
   *
   * @param orders orders acknowledged
   * @param seconds how long it ordered
   * @param settled whether the compilers settled before the cap
   */
  public record Compiled(int orders, double seconds, boolean settled) {}

  /**
   * Carts of 1 to 10 of the first 10 products ({@link #cart}): for a technique whose copy fills
   * from the orders themselves, so that the compile step leaves the fill to the warm-up.
   */
  public static IntFunction<String> firstProducts(int products) {
    return i -> cart(i, products);
  }

  /**
   * Carts drawn as the load draws them ({@code skus}: every product, as popular as in the run),
   * from a random stream seeded with {@code seed}; safe for the clients to share.
   */
  public static IntFunction<String> asTheLoad(SkuPicker skus, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return i -> {
      synchronized (random) {
        return OpenLoopDriver.cart(random, skus);
      }
    };
  }

  /**
   * Orders {@code carts} from {@value #CLIENTS} clients back to back until the compilers, whose CPU
   * seconds so far {@code compilerSeconds} reads, have settled ({@link CompilersSettling}), {@code
   * cap} at most. Carts drawn as the load's compile the paths the load takes (a copy's rows not
   * read before, say) here rather than in the measured window.
   */
  public static Compiled untilCompiled(
      Client checkout, IntFunction<String> carts, DoubleSupplier compilerSeconds, Duration cap)
      throws InterruptedException {
    AtomicInteger ok = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> clients = clients(checkout, carts, ok, () -> !stop.get());
    CompilersSettling settling = new CompilersSettling();
    long start = System.nanoTime();
    long last = start;
    double used = compilerSeconds.getAsDouble();
    boolean settled = false;
    try {
      while (!settled && System.nanoTime() - start < cap.toNanos()) {
        Thread.sleep(LISTEN);
        long now = System.nanoTime();
        double usedNow = compilerSeconds.getAsDouble();
        settled = settling.heard(usedNow - used, (now - last) / 1e9);
        used = usedNow;
        last = now;
      }
    } finally {
      stop.set(true);
      join(clients);
    }
    return new Compiled(ok.get(), (System.nanoTime() - start) / 1e9, settled);
  }

  /**
   * {@value #CLIENTS} clients ordering one after another while {@code more} says so, counting the
   * orders acknowledged in {@code ok} and pausing after a failure.
   */
  private static List<Thread> clients(
      Client checkout, IntFunction<String> carts, AtomicInteger ok, BooleanSupplier more) {
    AtomicInteger sent = new AtomicInteger();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(
          Thread.ofVirtual()
              .start(() -> {
                try {
                  while (more.getAsBoolean()) {
                    if (order(checkout, carts.apply(sent.getAndIncrement()))) {
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
    return clients;
  }

  private static void join(List<Thread> clients) throws InterruptedException {
    for (Thread client : clients) {
      client.join();
    }
  }

  /**
   * Order {@code i}: 1 to 10 of the first 10 products only, so that a cache or a copy is not filled
   * by priming: the run's warm-up does that like any start would. 1 to 3 of each, as the load
   * orders, so that the code compiled here has seen the quantities it will meet.
   */
  private static String cart(int i, int products) {
    StringJoiner lines = new StringJoiner(",", "{\"lines\":[", "]}");
    int size = 1 + i % Math.min(10, products);
    for (int n = 1; n <= size; n++) {
      lines.add("{\"sku\":\"" + CatalogAdmin.sku(n) + "\",\"quantity\":" + (1 + (i + n) % 3) + "}");
    }
    return lines.toString();
  }

  private static boolean order(Client checkout, String body) {
    return Orders.acknowledged(checkout, body, Duration.ofSeconds(5));
  }
}
