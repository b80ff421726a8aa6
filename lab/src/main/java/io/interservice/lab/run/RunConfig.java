package io.interservice.lab.run;

import io.interservice.lab.fault.Fault;
import io.interservice.lab.technique.Technique;
import java.time.Duration;

/**
 * One run: a technique through a scenario at a rate.
 *
 * @param technique how checkout gets prices
 * @param fault the scenario
 * @param rate orders per second offered
 * @param updateRate price changes per second (outside a storm)
 * @param warmup unmeasured time at the start
 * @param duration measured time
 * @param faultStart when the window opens, into the measured time
 * @param faultDuration how long it lasts
 * @param products products seeded and ordered
 * @param skew 0 for uniform sku popularity, else the Zipf exponent
 * @param updateSkew the same for which skus' prices change (the same ranking: a popular product's
 *     price is the one that changes most)
 * @param seed the seed of carts, skus and prices
 * @param repeat which repetition of the comparison this run belongs to, from 1
 */
public record RunConfig(
    Technique technique,
    Fault fault,
    double rate,
    double updateRate,
    Duration warmup,
    Duration duration,
    Duration faultStart,
    Duration faultDuration,
    int products,
    double skew,
    double updateSkew,
    long seed,
    int repeat) {

  /** Validates the window. */
  public RunConfig {
    if (faultStart.plus(faultDuration).compareTo(duration) > 0) {
      throw new IllegalArgumentException(
          "the fault window ("
              + faultStart
              + " + "
              + faultDuration
              + ") must end within --duration "
              + duration);
    }
  }

  /**
   * How long {@code technique}'s run through {@code fault} is measured: {@code measured}, but a
   * {@code steady} window holds at least two of the technique's cycles ({@link Technique#cycle}),
   * unless it is a {@code quick} look.
   */
  public static Duration window(
      Technique technique, Fault fault, Duration measured, boolean quick) {
    Duration twoCycles = technique.cycle().multipliedBy(2);
    return quick || fault.hasWindow() || twoCycles.compareTo(measured) <= 0 ? measured : twoCycles;
  }

  /** This run with another warm-up. */
  public RunConfig withWarmup(Duration newWarmup) {
    return new RunConfig(
        technique,
        fault,
        rate,
        updateRate,
        newWarmup,
        duration,
        faultStart,
        faultDuration,
        products,
        skew,
        updateSkew,
        seed,
        repeat);
  }
}
