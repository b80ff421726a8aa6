package io.interservice.checkout.technique;

import io.interservice.access.DirectBuilder;
import io.interservice.service.Settings;
import java.time.Duration;
import java.util.Set;

/** The resilience flags every technique that asks catalog takes, applied to a direct builder. */
final class Resilient {
  /**
   * {@code --attempt-timeout}, {@code --deadline}, {@code --max-concurrent}, {@code
   * --warm-up-calls} (calls to catalog before checkout says it is ready, 200 by default, 0 for
   * none).
   */
  static final Set<String> FLAGS =
      Set.of("attempt-timeout", "deadline", "max-concurrent", "warm-up-calls");

  /** A sku catalog does not know: asking for it warms the same path as any other. */
  private static final Set<String> WARM_UP_SAMPLE = Set.of("WARM-UP-0");

  private Resilient() {}

  /** {@code builder} with the flags set, where given. */
  static DirectBuilder<String, Price> configure(
      DirectBuilder<String, Price> builder, Settings settings) {
    DirectBuilder<String, Price> b =
        builder
            .maxConcurrent(settings.integer("max-concurrent", 64))
            .warmUp(WARM_UP_SAMPLE, settings.integer("warm-up-calls", 200));
    Duration attempt = settings.duration("attempt-timeout", Duration.ZERO);
    if (!attempt.isZero()) {
      b = b.attemptTimeout(attempt);
    }
    Duration deadline = settings.duration("deadline", Duration.ZERO);
    if (!deadline.isZero()) {
      b = b.deadline(deadline);
    }
    return b;
  }

  /** The union of {@link #FLAGS} and {@code more}. */
  static Set<String> flags(String... more) {
    java.util.Set<String> all = new java.util.HashSet<>(FLAGS);
    all.addAll(Set.of(more));
    return Set.copyOf(all);
  }
}
