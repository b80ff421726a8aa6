package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataDomainTest {
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario = Scenario.start(DataDomainTest.class, "data-domain");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  @Order(1)
  void anOrderIsPricedFromThePublishedViewAtTheCurrentVersion() throws Exception {
    long version = scenario.admin.changePrice("SKU-00009", 909);

    JsonNode line = scenario.checkoutHttp.order("SKU-00009", 1).json().at("/lines/0");

    assertThat(line.get("priceVersion").asLong()).isEqualTo(version);
    assertThat(line.get("unitPrice").asLong()).isEqualTo(909);
    assertThat(line.get("source").asText()).isEqualTo("data-domain");
    assertThat(scenario.checkoutHttp.order("NOT-THERE", 1).status()).isEqualTo(422);
  }

  @Test
  @Order(2)
  void aColumnRenameInCatalogsOwnSchemaDoesNotBreakThePublishedContract() throws Exception {
    scenario.admin.renamePriceColumn();
    long version = scenario.admin.changePrice("SKU-00010", 1010);

    JsonNode line = scenario.checkoutHttp.order("SKU-00010", 1).json().at("/lines/0");

    assertThat(line.get("priceVersion").asLong()).isEqualTo(version);
    assertThat(line.get("unitPrice").asLong()).isEqualTo(1010);
  }

  @Test
  @Order(3)
  void ordersGoOnWhileCatalogsProcessIsDownBecauseOnlyTheDatabaseIsShared() throws Exception {
    scenario.whileCatalogIsDown(() -> {
      assertThat(scenario.checkoutHttp.order("SKU-00011", 1).status()).isEqualTo(201);
    });
  }
}
