package io.interservice.checkout.technique;

import io.interservice.access.Access;
import io.interservice.service.Settings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code cache-aside}: a local cache over {@code direct}, expiring, refreshed ahead, stale on
 * error.
 */
final class CacheAside implements Technique {
  @Override
  public String name() {
    return "cache-aside";
  }

  @Override
  public Set<String> flags() {
    Set<String> flags = new HashSet<>(new Direct().flags());
    flags.addAll(
        Set.of(
            "cache-fresh",
            "cache-refresh-after",
            "cache-refresh-batch",
            "cache-max-stale",
            "cache-negative"));
    return flags;
  }

  @Override
  public Pricing start(Context context) {
    Settings settings = context.settings();
    return new Pricing.BeforeTransaction(
        Access.cacheAside(Direct.reader(context))
            .fresh(settings.duration("cache-fresh", Duration.ofSeconds(30)))
            .refreshAfter(settings.duration("cache-refresh-after", Duration.ofSeconds(20)))
            .refreshBatch(settings.duration("cache-refresh-batch", Duration.ofSeconds(1)))
            .maxStale(settings.duration("cache-max-stale", Duration.ofMinutes(5)))
            .negative(settings.duration("cache-negative", Duration.ofSeconds(2)))
            .build());
  }
}
