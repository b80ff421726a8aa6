package io.interservice.lab.technique;

import java.util.List;
import java.util.Set;

/** {@code direct}: one batched synchronous call to catalog per order. */
final class Direct implements Technique {
  @Override
  public String name() {
    return "direct";
  }

  @Override
  public String summary() {
    return "one batched GET /prices to catalog per order, with timeouts, retries, breaker";
  }

  @Override
  public List<String> checkoutArgs(Owner owner) {
    return List.of("--technique", "direct", "--catalog-url", owner.http().toString());
  }

  @Override
  public Set<String> ownerEndpoints() {
    return Set.of("GET /prices");
  }

  @Override
  public MovingParts movingParts() {
    return new MovingParts(2, List.of("postgresql"), List.of("GET /prices"), List.of());
  }

  @Override
  public List<String> sources() {
    return List.of(
        "access/src/main/java/io/interservice/access/internal/DirectReader.java",
        "access/src/main/java/io/interservice/access/internal/CircuitBreaker.java",
        "protocol/src/main/java/io/interservice/protocol/Backoff.java",
        "access/src/main/java/io/interservice/access/internal/RetryBudget.java",
        "access/src/main/java/io/interservice/access/internal/Coalescer.java",
        "checkout/src/main/java/io/interservice/checkout/technique/CatalogHttpClient.java",
        "checkout/src/main/java/io/interservice/checkout/technique/PooledExchange.java",
        "checkout/src/main/java/io/interservice/checkout/technique/Direct.java");
  }
}
