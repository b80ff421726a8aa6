package io.interservice.checkout.technique;

import io.interservice.access.Access;
import io.interservice.access.BoundPolicy;
import io.interservice.access.BoundedBuilder;
import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import io.interservice.access.replica.Replica;
import io.interservice.service.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code bounded}: the {@code events} replica read within a staleness bound ({@code
 * --staleness-bound}, 500 ms by default): local while the replica's watermark (catalog's relay
 * emits one every {@code --watermark-interval}, 100 ms) is at most that old, catalog's {@code GET
 * /prices} past it (with the direct reader's resilience), and {@code --bound-policy} ({@code
 * reject}, {@code serve-stale} or {@code wait}, up to {@code --bound-wait}, 1 s) when catalog
 * cannot answer. An order commits only while its prices (from the replica or from catalog) are
 * still within the bound: by the database's clock, in the statement that writes and commits it. A
 * bound shorter than the interval plus {@code --relay-delay} (100 ms) is refused at start. With
 * {@code --verify-above}, larger orders are confirmed with catalog before they commit.
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
        "bound-wait",
        "verify-above");
  }

  @Override
  public Pricing start(Context context) {
    Settings settings = context.settings();
    BoundPolicy policy = policy(settings.string("bound-policy", "reject"));
    Duration bound = settings.duration("staleness-bound", Duration.ofMillis(500));
    Duration interval = settings.duration("watermark-interval", Duration.ofMillis(100));
    Duration delay = settings.duration("relay-delay", Duration.ofMillis(100));
    Duration wait = settings.duration("bound-wait", Duration.ofSeconds(1));
    long verifyAbove = settings.integer("verify-above", -1);
    BoundedBuilder.requireBoundAboveHeartbeat(bound, interval, delay);
    Replica<String, Price> replica = Events.replica(context, REPLICA);
    Reader<String, Price> owner = Direct.reader(context);
    Pricing.Confirmation confirmation =
        verifyAbove < 0
            ? Pricing.Confirmation.NONE
            : new VerifyAtCommit(owner, verifyAbove, context.api().metrics().registry());
    return new Pricing.BeforeTransaction(
        Access.bounded(replica, owner)
            .bound(bound)
            .heartbeat(interval, delay)
            .policy(policy)
            .waitLimit(wait)
            .build(),
        confirmation,
        found -> commitBy(found, bound));
  }

  /**
   * {@code --verify-above}: an order whose total is above the threshold (minor units) and that was
   * priced from the replica has its versions confirmed with catalog in one batched call before it
   * commits; where catalog has a newer version, the order is charged catalog's price; when catalog
   * cannot answer, the order is refused (503). Counted in {@code bounded.verifications} by outcome.
   */
  private record VerifyAtCommit(
      Reader<String, Price> owner, long above, io.micrometer.core.instrument.MeterRegistry meters)
      implements Pricing.Confirmation {
    @Override
    public Read<String, Price> confirm(Read.Found<String, Price> found, long total) {
      boolean fromReplica =
          found.values().values().stream()
              .anyMatch(v -> !v.provenance().source().equals(Source.OWNER));
      if (total <= above || !fromReplica) {
        return found;
      }
      Read<String, Price> asked = owner.read(found.values().keySet());
      String outcome =
          switch (asked) {
            case Read.Unavailable<String, Price> down -> "unavailable";
            case Read.Found<String, Price> theirs ->
                sameVersions(found, theirs) ? "confirmed" : "changed";
          };
      meters.counter("bounded.verifications", "outcome", outcome).increment();
      return outcome.equals("confirmed") ? found : asked;
    }

    private static boolean sameVersions(
        Read.Found<String, Price> ours, Read.Found<String, Price> theirs) {
      if (!theirs.unknown().isEmpty()) {
        return false;
      }
      for (var e : ours.values().entrySet()) {
        Versioned<Price> t = theirs.values().get(e.getKey());
        if (t == null || t.provenance().version() != e.getValue().provenance().version()) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Until when the order may commit: while every price is still within the bound, those read from
   * the replica (known current at its watermark) and those asked of catalog (known current when it
   * answered; a slow order between that answer and its commit would otherwise outlive the bound).
   * Only prices served beyond the bound on purpose ({@code serve-stale}) are exempt: null when
   * every price is.
   */
  private static @Nullable Instant commitBy(Read.Found<String, Price> found, Duration bound) {
    Instant earliest = null;
    for (Versioned<Price> price : found.values().values()) {
      Provenance p = price.provenance();
      if (!p.source().equals(Source.BEYOND_BOUND)
          && (earliest == null || p.asOf().isBefore(earliest))) {
        earliest = p.asOf();
      }
    }
    return earliest == null ? null : earliest.plus(bound);
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
