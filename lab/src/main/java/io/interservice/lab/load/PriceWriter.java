package io.interservice.lab.load;

import io.interservice.lab.scenario.CatalogAdmin;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;

/**
 * Changes prices through catalog's admin API at a rate that may vary over the run (the price-storm
 * multiplies it). Runs on its own thread until stopped. Each change is recorded by catalog with its
 * commit time in the price history, which the audit reads.
 */
public final class PriceWriter implements AutoCloseable {
  private final CatalogAdmin admin;
  private final DoubleSupplier ratePerSecond;
  private final SkuPicker skus;
  private final SplittableRandom random;
  private final AtomicLong changes = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  public PriceWriter(
      CatalogAdmin admin, DoubleSupplier ratePerSecond, int products, double skew, long seed) {
    this.admin = admin;
    this.ratePerSecond = ratePerSecond;
    this.random = new SplittableRandom(seed);
    this.skus = new SkuPicker(products, skew, random.split());
    this.thread = Thread.ofPlatform().daemon().name("price-writer").start(this::loop);
  }

  private void loop() {
    long next = System.nanoTime();
    while (running) {
      double rate = ratePerSecond.getAsDouble();
      if (rate <= 0) {
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        next = System.nanoTime();
        continue;
      }
      next += (long) (1e9 / rate);
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      } else if (wait < -1_000_000_000L) {
        next = System.nanoTime(); // fell behind by over a second: do not burst to catch up
      }
      try {
        admin.changePrice(skus.nextSku(), 100 + random.nextLong(99_900));
        changes.incrementAndGet();
      } catch (Exception e) {
        failures.incrementAndGet();
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Price changes committed so far. */
  public long changes() {
    return changes.get();
  }

  /** Price changes that failed (catalog down, for instance). */
  public long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
