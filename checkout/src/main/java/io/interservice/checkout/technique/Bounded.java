package io.interservice.checkout.technique;

import io.interservice.access.Access;
import io.interservice.access.BoundPolicy;
import io.interservice.access.BoundedBuilder;
import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import io.interservice.access.replica.Replica;
import io.interservice.service.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bounded}: the {@code events} replica read within a staleness bound ({@code
 * --staleness-bound}, 500 ms by default): local while the replica's watermark (catalog's relay
 * emits one every {@code --watermark-interval}, 100 ms) is at most that old, catalog's {@code GET
 * /prices} past it (with the direct reader's resilience), and {@code --bound-policy} ({@code
 * reject}, {@code serve-stale} or {@code wait}, up to {@code --bound-wait}, 1 s) when catalog
 * cannot answer. An order priced from the replica commits only while its prices are still within
 * the bound. A bound shorter than the interval plus {@code --relay-delay} (100 ms) is refused at
 * start.
 */
final class Bounded implements Technique {
  /** What the replica's own answers say before the bounded reader dates them by its watermark. */
  private static final Source REPLICA = Source.of("event-replica");

  @Override
  public String name() {
    return "bounded";
  }

  @Override
  public Set<String> flags() {
    return Resilient.flags(
        "kafka",
        "catalog-url",
        "staleness-bound",
        "watermark-interval",
        "relay-delay",
        "bound-policy",
        "bound-wait");
  }

  @Override
  public Pricing start(Context context) {
    Settings settings = context.settings();
    BoundPolicy policy = policy(settings.string("bound-policy", "reject"));
    Duration bound = settings.duration("staleness-bound", Duration.ofMillis(500));
    Duration interval = settings.duration("watermark-interval", Duration.ofMillis(100));
    Duration delay = settings.duration("relay-delay", Duration.ofMillis(100));
    Duration wait = settings.duration("bound-wait", Duration.ofSeconds(1));
    BoundedBuilder.requireBoundAboveHeartbeat(bound, interval, delay);
    Replica<String, Price> replica = Events.replica(context, REPLICA);
    return new Pricing.BeforeTransaction(
        Access.bounded(replica, Direct.reader(context))
            .bound(bound)
            .heartbeat(interval, delay)
            .policy(policy)
            .waitLimit(wait)
            .build(),
        (found, now) -> withinBound(found, now, bound));
  }

  /** Whether every price read from the replica is still within the bound at {@code now}. */
  private static boolean withinBound(Read.Found<String, Price> found, Instant now, Duration bound) {
    for (Versioned<Price> price : found.values().values()) {
      Provenance p = price.provenance();
      if (p.source().equals(Source.BOUNDED_REPLICA) && now.isAfter(p.asOf().plus(bound))) {
        return false;
      }
    }
    return true;
  }

  private static BoundPolicy policy(String name) {
    try {
      return BoundPolicy.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--bound-policy must be reject, serve-stale or wait, was '" + name + "'");
    }
  }
}
