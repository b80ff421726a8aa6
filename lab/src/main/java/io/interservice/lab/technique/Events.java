package io.interservice.lab.technique;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code events}: catalog's outbox relayed to a compacted Kafka topic as CloudEvents; checkout
 * keeps a replica in its own database, fed by the topic, resuming from its saved positions.
 */
final class Events implements Technique {
  @Override
  public String name() {
    return "events";
  }

  @Override
  public String summary() {
    return "outbox → Kafka topic catalog.prices (compacted, CloudEvents); checkout's replica in its own database";
  }

  @Override
  public boolean needsBroker() {
    return true;
  }

  @Override
  public List<String> catalogFeatures() {
    return List.of("events");
  }

  @Override
  public List<String> checkoutArgs(Owner owner) {
    return List.of(
        "--technique", "events", "--kafka", Objects.requireNonNull(owner.kafka(), "kafka"));
  }

  @Override
  public Set<String> ownerEndpoints() {
    return Set.of();
  }

  @Override
  public MovingParts movingParts() {
    return new MovingParts(
        3,
        List.of("postgresql", "kafka"),
        List.of("Kafka topic catalog.prices"),
        List.of("catalog.prices"));
  }

  @Override
  public List<String> sources() {
    return List.of(
        "owner/src/main/java/io/interservice/owner/outbox/Outbox.java",
        "owner/src/main/java/io/interservice/owner/outbox/OutboxRelay.java",
        "owner-kafka/src/main/java/io/interservice/owner/kafka/KafkaSink.java",
        "owner-kafka/src/main/java/io/interservice/owner/kafka/Topics.java",
        "access/src/main/java/io/interservice/access/replica/Replica.java",
        "access/src/main/java/io/interservice/access/jdbc/JdbcReplicaStore.java",
        "access-kafka/src/main/java/io/interservice/access/kafka/KafkaFeed.java",
        "catalog/src/main/java/io/interservice/catalog/EventsFeature.java",
        "catalog/src/main/resources/db/catalog/V4__outbox.sql",
        "checkout/src/main/java/io/interservice/checkout/technique/Events.java",
        "checkout/src/main/resources/db/checkout/V3__price_replica.sql");
  }
}
