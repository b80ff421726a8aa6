package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CacheAsideTest {
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario =
        Scenario.start(
            CacheAsideTest.class,
            "cache-aside",
            "--cache-fresh",
            "2s",
            "--cache-refresh-after",
            "1s",
            "--cache-max-stale",
            "60s");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void aCachedPriceIsServedWithoutAskingTheOwner() {
    JsonNode first = scenario.checkoutHttp.order("SKU-00020", 1, "SKU-00021", 1).json();
    long before = scenario.ownerPriceRequests();

    JsonNode second = scenario.checkoutHttp.order("SKU-00020", 2, "SKU-00021", 3).json();

    assertThat(scenario.ownerPriceRequests()).isEqualTo(before);
    assertThat(second.at("/lines/0/source").asText()).isEqualTo("cache");
    assertThat(second.at("/lines/0/unitPrice")).isEqualTo(first.at("/lines/0/unitPrice"));
    assertThat(second.at("/lines/0/priceVersion")).isEqualTo(first.at("/lines/0/priceVersion"));
  }

  @Test
  void aPriceChangeIsVisibleOnceTheCachedValueIsNoLongerFresh() throws Exception {
    scenario.checkoutHttp.order("SKU-00030", 1);
    long version = scenario.admin.changePrice("SKU-00030", 777);
    long changed = System.nanoTime();

    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() ->
            scenario.checkoutHttp.order("SKU-00030", 1).json().at("/lines/0/priceVersion").asLong()
                == version);

    assertThat(Duration.ofNanos(System.nanoTime() - changed)).isLessThan(Duration.ofMillis(3_500));
    assertThat(scenario.checkoutHttp.order("SKU-00030", 1).json().at("/lines/0/unitPrice").asLong())
        .isEqualTo(777);
  }

  @Test
  void withCatalogDownCachedPricesKeepOrdersFlowingAndUnknownOnesAreRefused() throws Exception {
    scenario.checkoutHttp.order("SKU-00040", 1, "SKU-00041", 1);
    scenario.whileCatalogIsDown(() -> {
      Thread.sleep(2_500); // past the fresh time: only the stale-on-error path can serve now
      Http.Answer served = scenario.checkoutHttp.order("SKU-00040", 1, "SKU-00041", 2);
      assertThat(served.status()).isEqualTo(201);
      assertThat(served.json().at("/lines/0/source").asText()).isEqualTo("cache");

      Http.Answer refused = scenario.checkoutHttp.order("SKU-00042", 1);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isPresent();
    });
  }
}
