package io.interservice.lab.technique;

import java.util.List;
import java.util.Set;

/**
 * {@code replicated-cache}: catalog and checkout are members of an embedded Hazelcast cluster;
 * catalog writes every price change into a replicated map through its outbox, checkout reads its
 * own copy of the map.
 */
final class ReplicatedCache implements Technique {
  @Override
  public String name() {
    return "replicated-cache";
  }

  @Override
  public String summary() {
    return "embedded Hazelcast cluster: catalog writes a ReplicatedMap through its outbox and"
        + " repairs foreign writes; checkout reads its member's copy";
  }

  @Override
  public boolean joinsCluster() {
    return true;
  }

  @Override
  public List<String> catalogFeatures() {
    return List.of("replicated-cache");
  }

  @Override
  public List<String> checkoutArgs(Owner owner) {
    return List.of("--technique", "replicated-cache");
  }

  @Override
  public Set<String> ownerEndpoints() {
    return Set.of();
  }

  @Override
  public MovingParts movingParts() {
    return new MovingParts(
        2,
        List.of("postgresql", "hazelcast (embedded in both services)"),
        List.of("Hazelcast member protocol (TCP)", "ReplicatedMap catalog.prices"),
        List.of());
  }

  @Override
  public List<String> sources() {
    return List.of(
        "owner/src/main/java/io/interservice/owner/outbox/Outbox.java",
        "owner/src/main/java/io/interservice/owner/outbox/OutboxRelay.java",
        "owner-hazelcast/src/main/java/io/interservice/owner/hazelcast/CacheWriter.java",
        "access-hazelcast/src/main/java/io/interservice/access/hazelcast/CacheReader.java",
        "service-support/src/main/java/io/interservice/service/Cluster.java",
        "catalog/src/main/java/io/interservice/catalog/ReplicatedCacheFeature.java",
        "catalog/src/main/resources/db/catalog/V4__outbox.sql",
        "checkout/src/main/java/io/interservice/checkout/technique/ReplicatedCache.java",
        "checkout/src/main/java/io/interservice/checkout/technique/PriceCodecs.java");
  }
}
