package io.interservice.lab.technique;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code cache-aside}: a local cache in checkout, filled by batched direct calls on misses. */
final class CacheAside implements Technique {
  @Override
  public String name() {
    return "cache-aside";
  }

  @Override
  public String summary() {
    return "local cache (30 s fresh, refresh-ahead at 20 s, stale up to 5 min on error) over direct calls";
  }

  /** When a cached price is refreshed ahead of its expiry: the period of the cache's refreshes. */
  private static final Duration REFRESH_AFTER = Duration.ofSeconds(20);

  @Override
  public List<String> checkoutArgs(Owner owner) {
    return List.of(
        "--technique",
        "cache-aside",
        "--catalog-url",
        owner.http().toString(),
        "--cache-refresh-after",
        REFRESH_AFTER.toSeconds() + "s");
  }

  @Override
  public boolean fillsOnReads() {
    return true;
  }

  /** A fill's prices are refreshed together, in a wave every {@code REFRESH_AFTER}. */
  @Override
  public Duration cycle() {
    return REFRESH_AFTER;
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
        "access/src/main/java/io/interservice/access/internal/CacheAsideReader.java",
        "access/src/main/java/io/interservice/access/CacheAsideBuilder.java",
        "access/src/main/java/io/interservice/access/CacheAsideConfig.java",
        "checkout/src/main/java/io/interservice/checkout/technique/CacheAside.java");
  }
}
