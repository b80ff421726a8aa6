package io.interservice.access.internal;

import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.ReaderStats;
import io.interservice.access.spi.OwnerCall;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A direct reader that warms the path to the owner before it says it is ready: {@code calls} owner
 * calls for {@code sample} keys, four at a time, outside the breaker and the retry budget, so that
 * class loading, the JIT and the first connections on both sides are behind it when traffic comes
 * (a cold path answers slower than the attempt timeout, and the breaker would take a healthy owner
 * for a failing one). Their answers are dropped; failures are expected while the owner is down, and
 * the warm-up ends after {@code cap} whatever happened. Thread-safe.
 */
public final class WarmingReader<K, V> implements Reader<K, V> {
  private static final int PARALLEL = 4;

  private final Reader<K, V> delegate;
  private volatile boolean warm;

  /** Starts warming at once; {@link #ready()} is false until it is done. */
  public WarmingReader(
      Reader<K, V> delegate,
      OwnerCall<K, V> call,
      Set<K> sample,
      int calls,
      Duration attemptTimeout,
      Duration cap) {
    this.delegate = delegate;
    Thread.ofVirtual()
        .name("warm-up")
        .start(() -> {
          AtomicInteger left = new AtomicInteger(calls);
          long deadline = System.nanoTime() + cap.toNanos();
          try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            for (int p = 0; p < PARALLEL; p++) {
              pool.execute(() -> {
                while (left.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                  try {
                    call.fetch(sample, attemptTimeout);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  } catch (Exception e) {
                    // the owner is down or slow: the warm-up goes on, bounded by the cap
                  }
                }
              });
            }
            pool.shutdown();
            pool.awaitTermination(cap.toNanos(), TimeUnit.NANOSECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            warm = true;
          }
        });
  }

  @Override
  public Read<K, V> read(Set<K> keys) {
    return delegate.read(keys);
  }

  @Override
  public ReaderStats stats() {
    return delegate.stats();
  }

  @Override
  public boolean ready() {
    return warm && delegate.ready();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
