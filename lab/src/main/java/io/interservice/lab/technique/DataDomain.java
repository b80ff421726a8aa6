package io.interservice.lab.technique;

import java.util.List;
import java.util.Set;

/**
 * {@code data-domain}: checkout reads catalog's published view, in a deliberately shared schema,
 * inside the order's own transaction, with the rows locked until it commits.
 */
final class DataDomain implements Technique {
  @Override
  public String name() {
    return "data-domain";
  }

  @Override
  public String summary() {
    return "catalog_published.lock_prices() in the order's transaction: a published view, rows locked to commit";
  }

  @Override
  public List<String> checkoutArgs(Owner owner) {
    return List.of("--technique", "data-domain");
  }

  @Override
  public Set<String> ownerEndpoints() {
    return Set.of();
  }

  @Override
  public boolean sharesOwnerDatabase() {
    return true;
  }

  @Override
  public MovingParts movingParts() {
    return new MovingParts(
        2,
        List.of("postgresql (shared)"),
        List.of("SQL: catalog_published.lock_prices()"),
        List.of());
  }

  @Override
  public List<String> sources() {
    return List.of(
        "access/src/main/java/io/interservice/access/jdbc/JdbcReads.java",
        "checkout/src/main/java/io/interservice/checkout/technique/PublishedPrices.java",
        "checkout/src/main/java/io/interservice/checkout/technique/DataDomain.java",
        "catalog/src/main/resources/db/catalog/V2__published_prices.sql");
  }
}
