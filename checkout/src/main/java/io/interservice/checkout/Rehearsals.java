package io.interservice.checkout;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Rehearses checkout's own order path before it says it is ready ({@link Checkout#rehearse}), four
 * at a time, so that the first orders do not meet cold code: request parsing, the order's statement
 * on the pool's connections, the answer's JSON. Pressed at 100 orders/s from the moment it was
 * ready ({@code FreshStartTest}), a fresh checkout without it answered its first 3 s with a p99 of
 * 76–219 ms, with it 25–87 ms (four runs each, docs/benchmarks.md); on a slow day the cold path had
 * filled the 64 in-flight slots and orders were refused {@code 503 overloaded}.
 */
final class Rehearsals {
  private static final Logger LOG = Logger.getLogger(Rehearsals.class.getName());
  private static final int PARALLEL = 4;

  private Rehearsals() {}

  /**
   * Runs {@code orders} rehearsals, stopping at the first failure (the database not there yet:
   * readiness says so) or after {@code cap}.
   *
   * @return how many ran
   */
  static int run(Checkout checkout, int orders, Duration cap) throws InterruptedException {
    if (orders <= 0) {
      return 0;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + cap.toNanos();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int p = 0; p < PARALLEL; p++) {
        pool.execute(() -> {
          int n;
          while ((n = next.getAndIncrement()) < orders && System.nanoTime() < deadline) {
            try {
              checkout.rehearse(n);
              done.incrementAndGet();
            } catch (Exception e) {
              next.set(orders);
              LOG.warning("rehearsing the order path stopped: " + e);
            }
          }
        });
      }
      pool.shutdown();
      if (!pool.awaitTermination(cap.toNanos(), TimeUnit.NANOSECONDS)) {
        pool.shutdownNow();
      }
    }
    LOG.info(
        "rehearsed the order path "
            + done.get()
            + " times in "
            + Duration.ofNanos(System.nanoTime() - start).toMillis()
            + " ms");
    return done.get();
  }
}
