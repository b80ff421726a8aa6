package io.interservice.checkout.technique;

import io.interservice.access.DirectBuilder;
import io.interservice.service.Settings;
import java.time.Duration;
import java.util.Set;

/** The resilience flags every technique that asks catalog takes, applied to a direct builder. */
final class Resilient {
  /** {@code --attempt-timeout}, {@code --deadline}, {@code --max-concurrent}. */
  static final Set<String> FLAGS = Set.of("attempt-timeout", "deadline", "max-concurrent");

  private Resilient() {}

  /** {@code builder} with the flags set, where given. */
  static <K, V> DirectBuilder<K, V> configure(DirectBuilder<K, V> builder, Settings settings) {
    DirectBuilder<K, V> b = builder.maxConcurrent(settings.integer("max-concurrent", 64));
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
