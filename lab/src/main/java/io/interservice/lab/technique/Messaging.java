package io.interservice.lab.technique;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code messaging}: the order is accepted as pending; a price request goes to catalog over Kafka
 * and its answer confirms the order. The lab's latency is the time until the order is confirmed.
 */
final class Messaging implements Technique {
  @Override
  public String name() {
    return "messaging";
  }

  @Override
  public String summary() {
    return "202 PENDING; price request over Kafka (outbox), catalog's reply confirms the order";
  }

  @Override
  public boolean needsBroker() {
    return true;
  }

  @Override
  public boolean asynchronous() {
    return true;
  }

  @Override
  public List<String> catalogFeatures() {
    return List.of("requests");
  }

  @Override
  public List<String> checkoutArgs(Owner owner) {
    return List.of(
        "--technique", "messaging", "--kafka", Objects.requireNonNull(owner.kafka(), "kafka"));
  }

  @Override
  public Set<String> ownerEndpoints() {
    return Set.of("counter price_requests_answered_total");
  }

  @Override
  public MovingParts movingParts() {
    return new MovingParts(
        3,
        List.of("postgresql", "kafka"),
        List.of("Kafka topics catalog.price-requests, checkout.price-replies"),
        List.of("catalog.price-requests", "checkout.price-replies"));
  }

  @Override
  public List<String> sources() {
    return List.of(
        "owner/src/main/java/io/interservice/owner/outbox/Outbox.java",
        "owner/src/main/java/io/interservice/owner/outbox/OutboxRelay.java",
        "owner-kafka/src/main/java/io/interservice/owner/kafka/KafkaSink.java",
        "catalog/src/main/java/io/interservice/catalog/RequestsFeature.java",
        "checkout/src/main/java/io/interservice/checkout/technique/Messaging.java",
        "checkout/src/main/resources/db/checkout/V4__messaging.sql");
  }
}
