package io.interservice.lab.technique;

import io.interservice.lab.topology.ScenarioDatabase;
import java.util.List;
import java.util.Set;

/** {@code shared-db}: checkout reads catalog's products table in the database they share. */
final class SharedDb implements Technique {
  @Override
  public String name() {
    return "shared-db";
  }

  @Override
  public String summary() {
    return "checkout SELECTs catalog.products directly (SELECT granted on that table only)";
  }

  @Override
  public List<String> checkoutArgs(Owner owner) {
    return List.of(
        "--technique", "shared-db", "--shared-db-user", ScenarioDatabase.CHECKOUT_SHARED);
  }

  @Override
  public java.util.Map<String, String> checkoutEnvironment(Owner owner) {
    return java.util.Map.of(
        "CHECKOUT_SHARED_DB_PASSWORD", owner.database().password(ScenarioDatabase.CHECKOUT_SHARED));
  }

  @Override
  public Set<String> ownerEndpoints() {
    return Set.of();
  }

  @Override
  public void prepare(ScenarioDatabase database) {
    database.grantSharedRead();
  }

  @Override
  public boolean sharesOwnerDatabase() {
    return true;
  }

  @Override
  public MovingParts movingParts() {
    return new MovingParts(
        2, List.of("postgresql (shared)"), List.of("SQL: catalog.products"), List.of());
  }

  @Override
  public List<String> sources() {
    return List.of(
        "access/src/main/java/io/interservice/access/jdbc/JdbcReads.java",
        "checkout/src/main/java/io/interservice/checkout/technique/SharedDb.java");
  }
}
