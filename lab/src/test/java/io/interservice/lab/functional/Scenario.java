package io.interservice.lab.functional;

import io.interservice.lab.scenario.CatalogAdmin;
import io.interservice.lab.topology.Ports;
import io.interservice.lab.topology.ScenarioDatabase;
import io.interservice.lab.topology.ServiceProcess;
import io.interservice.lab.topology.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/**
 * Catalog and checkout as real processes on the shared database, with fresh schemas and seeded
 * products; one per test class.
 */
final class Scenario implements AutoCloseable {
  static final int PRODUCTS = 50;

  final ScenarioDatabase database;
  final ServiceProcess catalog;
  final ServiceProcess checkout;
  final Http catalogHttp;
  final Http checkoutHttp;
  final CatalogAdmin admin;

  private Scenario(List<String> checkoutArgs, Consumer<ScenarioDatabase> prepare, String name) {
    database = SharedDatabase.get();
    database.reset();
    Path logs = logs(name);
    catalog = Services.catalog(Lab.home(), database, Ports.freeWith(Services.GRPC_OFFSET), logs);
    catalogHttp = new Http(catalog.url());
    admin = new CatalogAdmin(catalog.url());
    try {
      admin.seed(PRODUCTS, 7);
      prepare.accept(database);
      checkout =
          Services.checkout(Lab.home(), database, Ports.free(), catalog.url(), checkoutArgs, logs);
    } catch (IOException | InterruptedException | RuntimeException e) {
      catalog.close();
      throw new IllegalStateException("the scenario did not start", e);
    }
    checkoutHttp = new Http(checkout.url());
  }

  /** Starts the scenario with checkout run with {@code checkoutArgs}. */
  static Scenario start(Class<?> test, String... checkoutArgs) {
    return new Scenario(List.of(checkoutArgs), db -> {}, test.getSimpleName());
  }

  /** Starts the scenario, running {@code prepare} on the database before checkout starts. */
  static Scenario start(Class<?> test, Consumer<ScenarioDatabase> prepare, String... checkoutArgs) {
    return new Scenario(List.of(checkoutArgs), prepare, test.getSimpleName());
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
    checkout.close();
    catalog.close();
  }

  private static Path logs(String name) {
    try {
      return Files.createDirectories(Lab.runs().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
