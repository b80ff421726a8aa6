package io.interservice.lab.technique;

import java.util.List;
import java.util.Set;

/**
 * {@code push}: catalog pushes every price change to checkout's update endpoint (retries, dead
 * letters); checkout reads a local copy, bootstrapped from a snapshot and reconciled periodically.
 */
final class Push implements Technique {
  @Override
  public String name() {
    return "push";
  }

  @Override
  public String summary() {
    return "catalog POSTs each change (signed, retried, dead-lettered); checkout reads its local copy";
  }

  @Override
  public List<String> checkoutArgs(Owner owner) {
    return List.of(
        "--technique",
        "push",
        "--catalog-url",
        owner.http().toString(),
        "--reconcile-interval",
        "10s");
  }

  @Override
  public Set<String> ownerEndpoints() {
    return Set.of("POST /subscribers", "GET /snapshot", "GET /checksums");
  }

  @Override
  public List<String> catalogFeatures() {
    return List.of("push");
  }

  @Override
  public MovingParts movingParts() {
    return new MovingParts(
        2,
        List.of("postgresql"),
        List.of("POST /subscribers", "POST /price-updates", "GET /snapshot", "GET /checksums"),
        List.of());
  }

  @Override
  public List<String> sources() {
    return List.of(
        "owner/src/main/java/io/interservice/owner/outbox/Outbox.java",
        "owner/src/main/java/io/interservice/owner/outbox/OutboxRelay.java",
        "owner/src/main/java/io/interservice/owner/push/PushSink.java",
        "owner/src/main/java/io/interservice/owner/push/Deliverer.java",
        "owner/src/main/java/io/interservice/owner/push/Subscribers.java",
        "owner/src/main/java/io/interservice/owner/push/PushConfig.java",
        "access/src/main/java/io/interservice/access/replica/Replica.java",
        "access/src/main/java/io/interservice/access/push/PushFeed.java",
        "protocol/src/main/java/io/interservice/protocol/Buckets.java",
        "protocol/src/main/java/io/interservice/protocol/Signatures.java",
        "catalog/src/main/java/io/interservice/catalog/PushFeature.java",
        "catalog/src/main/resources/db/catalog/V3__push.sql",
        "catalog/src/main/resources/db/catalog/V4__outbox.sql",
        "checkout/src/main/java/io/interservice/checkout/technique/Push.java",
        "checkout/src/main/java/io/interservice/checkout/technique/PriceCodecs.java");
  }
}
