package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.interservice.protocol.Signatures;
import io.interservice.service.identity.Scopes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PushTest {
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    // the scenario returns once checkout answers ready
    scenario = Scenario.start(PushTest.class, "push", "--reconcile-interval", "5s");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  private static long version(String sku) {
    return scenario.checkoutHttp.order(sku, 1).json().at("/lines/0/priceVersion").asLong();
  }

  @Test
  void aCheckoutIsLiveButNotReadyUntilItsCopyIsLoadedAndTakesEveryOrderOnceReady()
      throws Exception {
    scenario.whileCatalogIsDown(() -> {
      scenario.checkout.kill();
      scenario.checkout.restartLive();
      assertThat(scenario.checkoutHttp.get("/health/live").status()).isEqualTo(200);
      Http.Answer ready = scenario.checkoutHttp.get("/health/ready");
      assertThat(ready.status()).as("no copy without catalog").isEqualTo(503);
    });

    await("the copy is loaded once catalog is back")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> scenario.checkoutHttp.get("/health/ready").status() == 200);
    long end = System.nanoTime() + 1_000_000_000L;
    int orders = 0;
    while (System.nanoTime() < end && orders < 200) {
      String sku = String.format("SKU-%05d", 1 + orders % Scenario.PRODUCTS);
      assertThat(scenario.checkoutHttp.order(sku, 1).status())
          .as("order " + orders + " in the first second after ready")
          .isEqualTo(201);
      orders++;
    }
    assertThat(orders).isPositive();
  }

  @Test
  void ordersArePricedFromTheLocalCopyAndAPriceChangeArrivesWithinASecond() throws Exception {
    JsonNode line = scenario.checkoutHttp.order("SKU-00015", 1).json().at("/lines/0");
    assertThat(line.get("source").asText()).isEqualTo("replica");
    long before = scenario.ownerPriceRequests();

    long version = scenario.admin.changePrice("SKU-00015", 1515);

    await()
        .atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> version("SKU-00015") == version);
    assertThat(scenario.ownerPriceRequests()).as("no price request to catalog").isEqualTo(before);
  }

  @Test
  void aProductCreatedAfterSubscribingIsPushedLikeAPriceChange() throws Exception {
    String added = String.format("SKU-%05d", Scenario.PRODUCTS + 1);

    scenario.admin.seed(Scenario.PRODUCTS + 1, 7);

    // the outbox's relay turns the committed product into a delivery, after the commit
    await("a delivery is owed for the new product")
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                scenario.count(
                    "SELECT count(*) FROM catalog.deliveries WHERE key = '" + added + "'"),
            n -> n == 1);
    await("the new product is in the local copy well before the next reconciliation")
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> scenario.checkoutHttp.order(added, 1).status() == 201);
  }

  @Test
  void unauthenticatedOrWronglySignedPushesAreRefused() throws Exception {
    String body =
        "{\"sku\":\"SKU-00016\",\"price\":1,\"currency\":\"USD\",\"version\":999,\"changedAt\":\"2026-01-01T00:00:00Z\"}";
    Http asCatalog = scenario.checkoutHttp.as(catalogToken());
    Http.Answer anonymous = scenario.checkoutHttp.anonymous().post("/price-updates", body);
    Http.Answer asAClient = scenario.checkoutHttp.post("/price-updates", body);
    Http.Answer unsigned = asCatalog.post("/price-updates", body);
    Map<String, String> sub = subscriber();
    Http.Answer forged =
        asCatalog.post(
            "/price-updates",
            body,
            "Subscriber-Id",
            sub.get("id"),
            "Signature",
            Signatures.sign("guessed", body.getBytes(StandardCharsets.UTF_8)));

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(asAClient.status()).isEqualTo(403);
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.contentType()).isEqualTo("application/problem+json");
    assertThat(forged.status()).isEqualTo(401);
    assertThat(version("SKU-00016")).isLessThan(999);
  }

  @Test
  void duplicatedAndReorderedDeliveriesHaveNoEffect() throws Exception {
    long v = version("SKU-00017");
    push("SKU-00017", 7777, v + 5);
    push("SKU-00017", 4444, v + 4);
    push("SKU-00017", 7777, v + 5);
    push("SKU-00017", 1111, v + 1);

    JsonNode line = scenario.checkoutHttp.order("SKU-00017", 1).json().at("/lines/0");
    assertThat(line.get("priceVersion").asLong()).isEqualTo(v + 5);
    assertThat(line.get("unitPrice").asLong()).isEqualTo(7777);
  }

  @Test
  void aSubscriberDownForThirtySecondsCatchesUpWithNothingLost() throws Exception {
    scenario.checkout.pause();
    Map<String, Long> changed = new LinkedHashMap<>();
    try {
      for (int i = 20; i < 25; i++) {
        String sku = String.format("SKU-%05d", i);
        changed.put(sku, scenario.admin.changePrice(sku, 2000 + i));
      }
      Thread.sleep(30_000);
    } finally {
      scenario.checkout.resume();
    }
    scenario.admin.changePrice("SKU-00026", 2026);

    await("every change arrives")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> changed.entrySet().stream().allMatch(e -> version(e.getKey()) == e.getValue()));
    await("no delivery is left pending or dead")
        .atMost(Duration.ofSeconds(20))
        .until(() -> {
          JsonNode d = scenario.catalogHttp.get("/admin/deliveries").json();
          return d.get("pending").asLong() == 0 && d.get("dead").asLong() == 0;
        });
  }

  @Test
  void withCatalogKilledOrdersGoOnFromTheLocalCopyAndChangesFlowAgainAfterItsRestart()
      throws Exception {
    long before = version("SKU-00031");
    scenario.whileCatalogIsDown(() -> {
      Http.Answer served = scenario.checkoutHttp.order("SKU-00031", 1, "SKU-00032", 2);
      assertThat(served.status()).isEqualTo(201);
      assertThat(served.json().at("/lines/0/source").asText()).isEqualTo("replica");
      assertThat(served.json().at("/lines/0/priceVersion").asLong()).isEqualTo(before);
    });

    long version = scenario.admin.changePrice("SKU-00031", 3131);

    await("the change made after the restart is pushed")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> version("SKU-00031") == version);
  }

  private static void push(String sku, long price, long version) throws Exception {
    Map<String, String> sub = subscriber();
    String body =
        "{\"sku\":\""
            + sku
            + "\",\"price\":"
            + price
            + ",\"currency\":\"USD\",\"version\":"
            + version
            + ",\"changedAt\":\"2026-01-01T00:00:00Z\"}";
    Http.Answer a =
        scenario
            .checkoutHttp
            .as(catalogToken())
            .post(
                "/price-updates",
                body,
                "Subscriber-Id",
                sub.get("id"),
                "Signature",
                Signatures.sign(sub.get("secret"), body.getBytes(StandardCharsets.UTF_8)));
    assertThat(a.status()).isEqualTo(204);
  }

  private static String catalogToken() {
    return scenario.asService("catalog", "checkout", Scopes.PRICES_PUSH);
  }

  private static Map<String, String> subscriber() throws Exception {
    try (Connection c = DriverManager.getConnection(scenario.database.adminUrl());
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT id, secret FROM catalog.subscribers WHERE name = 'checkout'")) {
      r.next();
      return Map.of("id", r.getString(1), "secret", r.getString(2));
    }
  }
}
