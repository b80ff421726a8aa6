package io.interservice.lab.technique;

import java.util.List;

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
  public List<String> checkoutArgs() {
    return List.of("--technique", "push", "--reconcile-interval", "10s");
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
        "owner/src/main/java/io/interservice/owner/push/Pusher.java",
        "owner/src/main/java/io/interservice/owner/push/PushConfig.java",
        "access/src/main/java/io/interservice/access/push/LocalCopy.java",
        "access/src/main/java/io/interservice/access/push/Buckets.java",
        "access/src/main/java/io/interservice/access/push/Signatures.java",
        "catalog/src/main/resources/db/catalog/V3__push.sql",
        "checkout/src/main/java/io/interservice/checkout/Subscription.java",
        "checkout/src/main/java/io/interservice/checkout/PriceUpdates.java");
  }
}
