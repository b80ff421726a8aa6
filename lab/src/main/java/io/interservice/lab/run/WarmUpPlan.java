package io.interservice.lab.run;

import java.time.Duration;

/**
 * How a fresh start is warmed: in windows of {@code window}, judged three at a time, until they
 * agree or {@code cap} has passed.
 *
 * @param window how long each window the warm-up judges lasts (3 s by default: at 100 orders/s a
 *     window's p99 is its third-worst order; 1 s for a quick look, whose p99 is its worst)
 * @param cap the longest a fresh start is warmed, steady or not
 * @param compileCap the longest a fresh start is ordered from back to back, before its warm-up, for
 *     the services' JIT compilers to settle (zero: not at all)
 */
public record WarmUpPlan(Duration window, Duration cap, Duration compileCap) {
  public WarmUpPlan {
    if (compileCap.isNegative()) {
      throw new IllegalArgumentException(
          "--compile-cap must not be negative, was " + compileCap.toMillis() + " ms");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "--warmup-window must be positive, was " + window.toMillis() + " ms");
    }
    requireAtLeast(cap, "--warmup-cap", window, "--warmup-window");
  }

  /**
   * Refuses a {@code value} shorter than {@code bound}, naming both settings.
   *
   * @throws IllegalArgumentException {@code --warmup-cap (2000 ms) must be at least --warmup (5000
   *     ms)}
   */
  public static void requireAtLeast(
      Duration value, String valueName, Duration bound, String boundName) {
    if (value.compareTo(bound) < 0) {
      throw new IllegalArgumentException(
          valueName
              + " ("
              + value.toMillis()
              + " ms) must be at least "
              + boundName
              + " ("
              + bound.toMillis()
              + " ms)");
    }
  }
}
