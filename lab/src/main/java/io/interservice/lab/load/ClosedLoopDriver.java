package io.interservice.lab.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A fixed number of clients, each sending its next order as soon as the last is answered (closed
 * loop): measures the throughput a service sustains. Its latencies hide queueing, which is why
 * comparisons use {@link OpenLoopDriver}. Bounded in time.
 */
public final class ClosedLoopDriver {

  /** Successes, failures, and the latency of successes in microseconds. */
  public record Result(long ok, long failed, Histogram latency, Duration measured) {
    public double rate() {
      return ok / (measured.toNanos() / 1e9);
    }
  }

  private ClosedLoopDriver() {}

  /** {@code clients} clients order for {@code warmup} unmeasured, then {@code duration}. */
  public static Result run(
      Client checkout, int clients, Duration warmup, Duration duration, int products, long seed)
      throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + duration.toNanos();
    Histogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    SplittableRandom seeds = new SplittableRandom(seed);
    List<Future<?>> running = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        SplittableRandom random = seeds.split();
        SkuPicker skus = new SkuPicker(products, 0, random.split());
        running.add(
            pool.submit(() -> {
              while (System.nanoTime() < end) {
                String cart = OpenLoopDriver.cart(random, skus);
                long sent = System.nanoTime();
                boolean success = Orders.acknowledged(checkout, cart, Duration.ofSeconds(10));
                long done = System.nanoTime();
                if (sent >= measureFrom && done <= end) {
                  if (success) {
                    ok.incrementAndGet();
                    latency.recordValue(Math.max(1, (done - sent) / 1000));
                  } else {
                    failed.incrementAndGet();
                  }
                }
              }
              return null;
            }));
      }
    }
    return new Result(ok.get(), failed.get(), latency, duration);
  }
}
