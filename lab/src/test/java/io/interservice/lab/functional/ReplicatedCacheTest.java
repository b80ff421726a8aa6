package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import io.interservice.lab.topology.ServiceProcess;
import io.interservice.service.Cluster;
import io.interservice.service.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code replicated-cache}: catalog writes a Hazelcast replicated map through its outbox, checkout
 * reads its member's copy; catalog repairs what another member writes; a checkout started while
 * catalog is down copies the map from its peer.
 */
class ReplicatedCacheTest {
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario = Scenario.start(ReplicatedCacheTest.class, "replicated-cache");
  }

  /**
   * How long a price change may take to reach checkout's copy here: far above its usual tens of
   * milliseconds (the lab measures that), so that a stall of the shared machine is not read as a
   * change that never arrived.
   */
  private static final Duration PROPAGATION = Duration.ofSeconds(10);

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void ordersArePricedFromTheMembersCopyAndAPriceChangeArrivesWithoutAskingCatalog()
      throws Exception {
    assertThat(line(scenario.checkoutHttp, "SKU-00011").get("source").asText())
        .isEqualTo("replicated-cache");
    long before = scenario.ownerPriceRequests();

    long version = scenario.admin.changePrice("SKU-00011", 1111);

    await()
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> line(scenario.checkoutHttp, "SKU-00011").get("priceVersion").asLong() == version);
    assertThat(line(scenario.checkoutHttp, "SKU-00011").get("unitPrice").asLong()).isEqualTo(1111);
    assertThat(scenario.ownerPriceRequests()).as("no price request to catalog").isEqualTo(before);
  }

  @Test
  void aValueAnotherMemberWritesBehindCatalogsBackIsRepairedAndCounted() throws Exception {
    long version = scenario.admin.changePrice("SKU-00021", 2121);
    await()
        .atMost(PROPAGATION)
        .until(
            () -> line(scenario.checkoutHttp, "SKU-00021").get("priceVersion").asLong() == version);
    long repairedBefore = scenario.catalogHttp.metric("cache_repaired");
    HazelcastInstance intruder = joinAsAnotherMember();
    try {
      ReplicatedMap<String, String> map = intruder.getReplicatedMap("catalog.prices");
      map.put("SKU-00021", (version + 1) + "|1|USD|2026-01-01T00:00:00Z");
      map.put("SKU-FORGED", "1|1|USD|2026-01-01T00:00:00Z");

      await("catalog repaired both")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> scenario.catalogHttp.metric("cache_repaired") >= repairedBefore + 2);
      await("checkout's copy is the owner's again")
          .atMost(Duration.ofSeconds(5))
          .until(() -> line(scenario.checkoutHttp, "SKU-00021").get("unitPrice").asLong() == 2121);
      assertThat(line(scenario.checkoutHttp, "SKU-00021").get("priceVersion").asLong())
          .isEqualTo(version);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> scenario.checkoutHttp.order("SKU-FORGED", 1).status() == 422);
    } finally {
      // gone at once, as an intruder may be: a graceful leave waits on partition migrations
      intruder.getLifecycleService().terminate();
    }
  }

  @Test
  void aSecondCheckoutStartedWhileCatalogIsDownCopiesTheMapFromItsPeer() throws Exception {
    long version = scenario.admin.changePrice("SKU-00031", 3131);
    await()
        .atMost(PROPAGATION)
        .until(
            () -> line(scenario.checkoutHttp, "SKU-00031").get("priceVersion").asLong() == version);
    long upStart = System.nanoTime();
    ServiceProcess withCatalog = scenario.topology.anotherCheckout(List.of(), "checkout-2.log");
    long upMs = (System.nanoTime() - upStart) / 1_000_000;
    withCatalog.close();

    scenario.whileCatalogIsDown(() -> {
      long start = System.nanoTime();
      ServiceProcess second = scenario.topology.anotherCheckout(List.of(), "checkout-3.log");
      long downMs = (System.nanoTime() - start) / 1_000_000;
      try {
        Http http = new Http(second.url(), scenario.topology.clientAuthorization("alice"));
        JsonNode line = line(http, "SKU-00031");
        assertThat(line.get("priceVersion").asLong()).isEqualTo(version);
        assertThat(line.get("unitPrice").asLong()).isEqualTo(3131);
        assertThat(line.get("source").asText()).isEqualTo("replicated-cache");
        System.err.printf(
            "replicated-cache: a checkout member ready in %d ms with catalog up, %d ms with"
                + " catalog down (copied from its peer)%n",
            upMs, downMs);
      } finally {
        second.close();
      }
    });
  }

  @Test
  void aCheckoutThatFindsNoMemberHoldingTheMapIsNotReadyAndInventsNothingUntilCatalogJoins()
      throws Exception {
    scenario.checkout.kill();
    scenario.catalog.kill();
    try {
      scenario.checkout.restartLive(); // alone: no catalog, no other checkout
      assertThat(scenario.checkoutHttp.anonymous().get("/health/ready").status()).isEqualTo(503);
      Http.Answer refused = scenario.checkoutHttp.order("SKU-00041", 1);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.json().get("reason").asText()).isEqualTo("not_ready");

      long catalogBack = System.nanoTime();
      scenario.catalog.restart();
      await("ready once catalog has joined it and loaded the map")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> scenario.checkoutHttp.anonymous().get("/health/ready").status() == 200);
      System.err.printf(
          "replicated-cache: a lone checkout became ready %d ms after catalog was restarted%n",
          (System.nanoTime() - catalogBack) / 1_000_000);
      assertThat(line(scenario.checkoutHttp, "SKU-00041").get("source").asText())
          .isEqualTo("replicated-cache");
    } finally {
      if (!scenario.catalog.alive()) {
        scenario.catalog.restart();
      }
    }
  }

  private static HazelcastInstance joinAsAnotherMember() {
    List<String> args = scenario.topology.anotherMemberArgs();
    return Cluster.join(
        Settings.parse(args.toArray(String[]::new), Map.of(), "INTRUDER", Cluster.FLAGS),
        "intruder");
  }

  private static JsonNode line(Http checkout, String sku) {
    return checkout.order(sku, 1).json().at("/lines/0");
  }
}
