package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interservice.lab.proxy.NetworkBehavior;
import io.interservice.lab.topology.ScenarioDatabase;
import io.interservice.lab.topology.ServiceProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Work a service will not take on: more requests than it runs at once, a consumer's lock held
 * forever on catalog's rows, a start without its database password.
 */
class BoundedWorkTest {
  private static final int MAX_IN_FLIGHT = 4;
  private static final Duration OWNER_LATENCY = Duration.ofSeconds(2);
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario =
        Scenario.start(
            BoundedWorkTest.class,
            "direct",
            "--max-in-flight",
            Integer.toString(MAX_IN_FLIGHT),
            "--attempt-timeout",
            "4s",
            "--deadline",
            "5s");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void aSaturatedCheckoutRefusesAtOnceWithRetryAfterInsteadOfQueueing() throws Exception {
    scenario.topology.ownerNetwork().behave(NetworkBehavior.latency(OWNER_LATENCY));
    List<Future<Timed>> answers = new ArrayList<>();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 24; i++) {
        String sku = String.format("SKU-%05d", 1 + i);
        answers.add(
            clients.submit(() -> {
              long start = System.nanoTime();
              Http.Answer a = scenario.checkoutHttp.order(sku, 1);
              return new Timed(a, Duration.ofNanos(System.nanoTime() - start));
            }));
      }
      List<Timed> shed = new ArrayList<>();
      int served = 0;
      for (Future<Timed> f : answers) {
        Timed t = f.get();
        if (t.answer().status() == 201) {
          served++;
        } else {
          shed.add(t);
        }
      }
      assertThat(served).as("orders taken while saturated").isLessThanOrEqualTo(MAX_IN_FLIGHT);
      assertThat(shed).hasSizeGreaterThanOrEqualTo(24 - MAX_IN_FLIGHT);
      for (Timed t : shed) {
        assertThat(t.answer().status()).isEqualTo(503);
        assertThat(t.answer().json().get("type").asText()).endsWith("/overloaded");
        assertThat(t.answer().header("Retry-After")).isPresent();
        assertThat(t.took())
            .as("refused before the owner could have answered")
            .isLessThan(OWNER_LATENCY);
      }
    } finally {
      scenario.topology.ownerNetwork().behave(NetworkBehavior.NORMAL);
    }
  }

  record Timed(Http.Answer answer, Duration took) {}

  @Test
  void aConsumerHoldingCatalogsRowsIsCutOffAndThePriceChangeCompletes() throws Exception {
    try (Connection holder = as(ScenarioDatabase.CHECKOUT)) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.executeQuery("SELECT * FROM catalog_published.lock_prices(ARRAY['SKU-00040'])").close();
      }
      // the holder now sits idle in its transaction, its row lock held

      long version = scenario.admin.changePrice("SKU-00040", 4040);

      assertThat(version).isGreaterThan(1);
      assertThatThrownBy(() -> holder.createStatement().executeQuery("SELECT 1"))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void onlyCheckoutsRoleMayLockCatalogsPublishedRows() throws Exception {
    try (Connection shared = as(ScenarioDatabase.CHECKOUT_SHARED);
        Statement s = shared.createStatement()) {
      assertThatThrownBy(() ->
              s.executeQuery("SELECT * FROM catalog_published.lock_prices(ARRAY['SKU-00041'])"))
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void aServiceStartedWithoutItsDatabasePasswordRefusesToStartNamingIt() {
    assertThatThrownBy(() -> startCatalog(Map.of(), List.of()))
        .hasMessageContaining("CATALOG_DB_PASSWORD")
        .hasMessageContaining("--db-password-file");
  }

  @Test
  void aPasswordOnTheCommandLineIsRefused() {
    assertThatThrownBy(() -> startCatalog(Map.of(), List.of("--db-password", "guessable")))
        .hasMessageContaining("not taken on the command line");
  }

  private static void startCatalog(Map<String, String> environment, List<String> more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--db-url",
                scenario.database.serviceUrl(),
                "--db-user",
                ScenarioDatabase.CATALOG,
                "--identity-key-file",
                scenario.topology.identities().key("catalog").toString(),
                "--trust-file",
                scenario.topology.identities().trust("catalog").toString()));
    args.addAll(more);
    try (ServiceProcess p =
        ServiceProcess.start(
            Lab.home(),
            "catalog",
            "io.interservice.catalog.CatalogMain",
            args,
            environment,
            io.interservice.lab.topology.Ports.free(),
            Lab.runs().resolve("BoundedWorkTest").resolve("catalog-without-password.log"))) {
      throw new AssertionError("catalog started on " + p.url() + " without its password");
    }
  }

  private static Connection as(String role) throws SQLException {
    return DriverManager.getConnection(
        scenario.database.serviceUrl(), role, scenario.database.password(role));
  }
}
