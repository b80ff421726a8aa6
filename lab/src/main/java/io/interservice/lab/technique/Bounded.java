package io.interservice.lab.technique;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code bounded}: the {@code events} replica plus a staleness bound held by catalog's watermarks:
 * local while the replica is complete up to at most 500 ms ago, catalog's {@code GET /prices} past
 * it, rejected (503) when catalog cannot answer either.
 */
final class Bounded implements Technique {
  @Override
  public String name() {
    return "bounded";
  }

  @Override
  public String summary() {
    return "the events replica read within a 500 ms staleness bound (watermarks every 100 ms);"
        + " GET /prices past it, 503 if catalog cannot answer";
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
        "--technique",
        "bounded",
        "--kafka",
        Objects.requireNonNull(owner.kafka(), "kafka"),
        "--catalog-url",
        owner.http().toString());
  }

  @Override
  public Set<String> ownerEndpoints() {
    return Set.of("GET /prices");
  }

  @Override
  public MovingParts movingParts() {
    return new MovingParts(
        3,
        List.of("postgresql", "kafka"),
        List.of("Kafka topic catalog.prices", "GET /prices"),
        List.of("catalog.prices"));
  }

  @Override
  public List<String> sources() {
    List<String> all = new ArrayList<>(new Events().sources());
    all.addAll(
        List.of(
            "owner/src/main/java/io/interservice/owner/outbox/Watermarks.java",
            "protocol/src/main/java/io/interservice/protocol/Watermark.java",
            "access/src/main/java/io/interservice/access/BoundedBuilder.java",
            "access/src/main/java/io/interservice/access/internal/BoundedReader.java",
            "checkout/src/main/java/io/interservice/checkout/technique/Bounded.java"));
    all.addAll(new Direct().sources());
    return List.copyOf(new java.util.LinkedHashSet<>(all));
  }
}
