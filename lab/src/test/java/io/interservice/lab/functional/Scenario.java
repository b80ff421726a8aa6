package io.interservice.lab.functional;

import io.interservice.lab.scenario.CatalogAdmin;
import io.interservice.lab.technique.Technique;
import io.interservice.lab.technique.Techniques;
import io.interservice.lab.topology.Databases;
import io.interservice.lab.topology.KafkaCluster;
import io.interservice.lab.topology.ScenarioDatabase;
import io.interservice.lab.topology.ServiceProcess;
import io.interservice.lab.topology.Topology;
import io.interservice.service.identity.Signer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Catalog and checkout as real processes on the shared database, started as the lab starts them for
 * a technique (catalog's features, the proxies in front of it), with fresh schemas and seeded
 * products; one per test class.
 */
final class Scenario implements AutoCloseable {
  static final int PRODUCTS = 50;

  final ScenarioDatabase database;
  final Topology topology;
  final ServiceProcess catalog;
  final ServiceProcess checkout;
  final Http catalogHttp;
  final Http checkoutHttp;
  final CatalogAdmin admin;

  private Scenario(String technique, List<String> extraCheckoutArgs, String name) {
    database = SharedDatabase.get();
    database.reset();
    Technique chosen = Techniques.named(List.of(technique)).get(0);
    KafkaCluster kafka = null;
    if (chosen.needsBroker()) {
      kafka = SharedBroker.get();
      kafka.deleteTopics();
    }
    topology =
        Topology.onDatabases(
            Databases.shared(database),
            kafka,
            new Topology.Options(
                Lab.home(), logs(name), 0, 0, chosen, extraCheckoutArgs, PRODUCTS, 7, true));
    catalog = topology.catalog();
    checkout = topology.checkout();
    catalogHttp = new Http(catalog.url(), topology.adminAuthorization());
    checkoutHttp = new Http(checkout.url(), topology.clientAuthorization("alice"));
    admin = topology.admin();
  }

  /** Starts the scenario with checkout pricing by {@code direct}. */
  static Scenario start(Class<?> test) {
    return start(test, "direct");
  }

  /**
   * Starts the scenario as the lab would for {@code technique}, with {@code extraCheckoutArgs}
   * added to checkout's flags.
   */
  static Scenario start(Class<?> test, String technique, String... extraCheckoutArgs) {
    return new Scenario(technique, List.of(extraCheckoutArgs), test.getSimpleName());
  }

  /** What a test does while catalog is down; it may throw. */
  interface WhileDown {
    void run() throws Exception;
  }

  /** Kills catalog with SIGKILL, runs {@code checks}, then restarts catalog whatever happened. */
  void whileCatalogIsDown(WhileDown checks) throws Exception {
    catalog.kill();
    try {
      checks.run();
    } finally {
      catalog.restart();
    }
  }

  /**
   * An {@code Authorization} header as {@code service} itself would sign it, for {@code audience},
   * with {@code scopes}: what a test sends to play the other service.
   */
  String asService(String service, String audience, String... scopes) {
    return "Bearer "
        + Signer.load(topology.identities().key(service), Clock.systemUTC())
            .mint(service, audience, Set.of(scopes), Duration.ofMinutes(5));
  }

  /** How many orders checkout's database holds. */
  long orderCount() {
    return count("SELECT count(*) FROM checkout.orders");
  }

  long count(String sql) {
    try (Connection c = DriverManager.getConnection(database.adminUrl());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The number of {@code GET /prices} requests catalog has answered 200. */
  long ownerPriceRequests() {
    return catalogHttp.metric(
        "http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/prices\"}");
  }

  @Override
  public void close() {
    topology.close();
  }

  private static Path logs(String name) {
    try {
      return Files.createDirectories(Lab.runs().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
