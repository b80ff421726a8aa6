package io.interservice.catalog;

import io.interservice.service.Json;
import io.interservice.service.Problem;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Faults the lab may inject into catalog's read endpoints: added latency. Off unless set through
 * {@code PUT /admin/faults}. Thread-safe.
 */
final class Faults {
  static final long MAX_LATENCY_MS = 60_000;

  /** The body of {@code PUT /admin/faults}. */
  record Setting(long latencyMs) {}

  private record Body(@Nullable Long latencyMs) {}

  private final AtomicReference<Duration> latency = new AtomicReference<>(Duration.ZERO);

  static Setting parse(byte[] body) {
    Long ms = Json.parse(body, Body.class).latencyMs();
    if (ms == null || ms < 0 || ms > MAX_LATENCY_MS) {
      throw Problem.invalid("latencyMs", "'latencyMs' must be 0 to " + MAX_LATENCY_MS)
          .toException();
    }
    return new Setting(ms);
  }

  void set(Duration added) {
    latency.set(added);
  }

  /** Waits the added latency, if any. */
  void apply() throws InterruptedException {
    Duration d = latency.get();
    if (!d.isZero()) {
      Thread.sleep(d);
    }
  }
}
