package io.interservice.lab.topology;

import io.interservice.lab.technique.Technique;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario's database servers, as database-per-service deployments have them: one for catalog
 * and one for checkout; a technique that shares the owner's database on purpose ({@code shared-db},
 * {@code data-domain}) runs checkout on catalog's. {@link #close()} stops the servers it started.
 */
public final class Databases implements AutoCloseable {
  private final ScenarioDatabase catalog;
  private final ScenarioDatabase checkout;
  private final List<EmbeddedPostgres> started;

  private Databases(ScenarioDatabase catalog, ScenarioDatabase checkout, List<EmbeddedPostgres> s) {
    this.catalog = catalog;
    this.checkout = checkout;
    this.started = List.copyOf(s);
  }

  /** Two embedded servers, under {@code dir}{@code /postgres-catalog} and {@code -checkout}. */
  public static Databases embedded(Path dir) {
    List<EmbeddedPostgres> servers = new ArrayList<>();
    try {
      EmbeddedPostgres catalog =
          EmbeddedPostgres.start(Topology.cache(), dir.resolve("postgres-catalog"), Ports.free());
      servers.add(catalog);
      EmbeddedPostgres checkout =
          EmbeddedPostgres.start(Topology.cache(), dir.resolve("postgres-checkout"), Ports.free());
      servers.add(checkout);
      return new Databases(
          ScenarioDatabase.create(catalog), ScenarioDatabase.create(checkout), servers);
    } catch (RuntimeException e) {
      servers.forEach(EmbeddedPostgres::close);
      throw e;
    }
  }

  /**
   * One existing database for both services (the admin JDBC URL {@code --db} gives): the lab cannot
   * make a second server there.
   */
  public static Databases existing(String adminJdbcUrl) {
    ScenarioDatabase db = ScenarioDatabase.existing(adminJdbcUrl);
    return new Databases(db, db, List.of());
  }

  /** One database both services use, run by the caller (the tests' shared server). */
  public static Databases shared(ScenarioDatabase db) {
    return new Databases(db, db, List.of());
  }

  /** Catalog's database. */
  public ScenarioDatabase catalog() {
    return catalog;
  }

  /** Checkout's database for {@code technique}: catalog's when the technique shares it. */
  public ScenarioDatabase checkout(Technique technique) {
    return technique.sharesOwnerDatabase() ? catalog : checkout;
  }

  /** Whether checkout has a server of its own (for techniques that do not share). */
  public boolean separate() {
    return checkout != catalog;
  }

  /** Drops and recreates both services' schemas on every server. */
  public void reset() {
    catalog.reset();
    if (separate()) {
      checkout.reset();
    }
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
  }
}
