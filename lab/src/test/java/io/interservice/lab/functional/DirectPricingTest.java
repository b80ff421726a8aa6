package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DirectPricingTest {
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario = Scenario.start(DirectPricingTest.class, "direct");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void anOrderIsPricedAtCatalogsCurrentPriceAndVersion() {
    JsonNode product = scenario.catalogHttp.get("/products/SKU-00004").json();

    Http.Answer placed = scenario.checkoutHttp.order("SKU-00004", 3);

    assertThat(placed.status()).isEqualTo(201);
    JsonNode order = placed.json();
    assertThat(placed.header("Location")).hasValue("/orders/" + order.get("id").asText());
    assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
    JsonNode line = order.get("lines").get(0);
    assertThat(line.get("unitPrice").asLong()).isEqualTo(product.get("price").asLong());
    assertThat(line.get("priceVersion").asLong()).isEqualTo(product.get("version").asLong());
    assertThat(line.get("source").asText()).isEqualTo("owner");
    assertThat(order.get("total").asLong()).isEqualTo(3 * product.get("price").asLong());
    assertThat(scenario.checkoutHttp.get("/orders/" + order.get("id").asText()).json())
        .isEqualTo(order);
  }

  @Test
  void afterAPriceChangeTheNextOrderCarriesTheNewVersion() throws Exception {
    long before =
        scenario.checkoutHttp.order("SKU-00005", 1).json().at("/lines/0/priceVersion").asLong();

    long version = scenario.admin.changePrice("SKU-00005", 4242);

    JsonNode line = scenario.checkoutHttp.order("SKU-00005", 1).json().at("/lines/0");
    assertThat(version).isEqualTo(before + 1);
    assertThat(line.get("priceVersion").asLong()).isEqualTo(version);
    assertThat(line.get("unitPrice").asLong()).isEqualTo(4242);
  }

  @Test
  void aFiveLineOrderCostsExactlyOneOwnerRequest() {
    long before = scenario.ownerPriceRequests();

    Http.Answer placed =
        scenario.checkoutHttp.order(
            "SKU-00010", 1, "SKU-00011", 2, "SKU-00012", 3, "SKU-00013", 4, "SKU-00014", 5);

    assertThat(placed.status()).isEqualTo(201);
    assertThat(placed.json().get("lines")).hasSize(5);
    assertThat(scenario.ownerPriceRequests() - before).isEqualTo(1);
  }

  @Test
  void unknownSkusAreRefusedWith422ListingThemAndNothingIsWritten() {
    long orders = scenario.orderCount();

    Http.Answer refused =
        scenario.checkoutHttp.order("SKU-00001", 1, "NO-SUCH-1", 1, "NO-SUCH-2", 2);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.json().get("unknownSkus").toString())
        .isEqualTo("[\"NO-SUCH-1\",\"NO-SUCH-2\"]");
    assertThat(scenario.orderCount()).isEqualTo(orders);
  }
}
