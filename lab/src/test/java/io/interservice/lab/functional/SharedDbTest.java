package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.interservice.lab.topology.ScenarioDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedDbTest {
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario = Scenario.start(SharedDbTest.class, "shared-db");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  @Order(1)
  void anOrderIsPricedFromCatalogsTableAndAPriceChangeIsVisibleAtOnce() throws Exception {
    long version = scenario.admin.changePrice("SKU-00006", 606);

    JsonNode line = scenario.checkoutHttp.order("SKU-00006", 2).json().at("/lines/0");

    assertThat(line.get("source").asText()).isEqualTo("shared-db");
    assertThat(line.get("priceVersion").asLong()).isEqualTo(version);
    assertThat(line.get("unitPrice").asLong()).isEqualTo(606);
  }

  @Test
  @Order(2)
  void theSharedRoleMayReadTheProductsTableAndNothingElse() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                scenario.database.serviceUrl(),
                ScenarioDatabase.CHECKOUT_SHARED,
                scenario.database.password(ScenarioDatabase.CHECKOUT_SHARED));
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT count(*) FROM catalog.products").close();
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM catalog.price_history"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.executeUpdate("UPDATE catalog.products SET price = 0"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM checkout.orders"))
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  @Order(3)
  void ordersGoOnWhileCatalogsProcessIsDownBecauseOnlyTheDatabaseIsShared() throws Exception {
    scenario.whileCatalogIsDown(() -> {
      Http.Answer served = scenario.checkoutHttp.order("SKU-00009", 1);
      assertThat(served.status()).isEqualTo(201);
      assertThat(served.json().at("/lines/0/source").asText()).isEqualTo("shared-db");
    });
  }

  @Test
  @Order(4)
  void aColumnRenameInCatalogsOwnSchemaBreaksItWhileCatalogsApiKeepsWorking() throws Exception {
    scenario.admin.renamePriceColumn();

    assertThat(scenario.catalogHttp.get("/products/SKU-00007").status()).isEqualTo(200);
    assertThat(
            scenario
                .catalogHttp
                .put("/products/SKU-00007/price", "{\"price\":70,\"currency\":\"USD\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            scenario.catalogHttp.get("/prices?sku=SKU-00007").json().at("/prices/0/price").asLong())
        .isEqualTo(70);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> scenario.checkoutHttp.order("SKU-00007", 1).status() == 503);
    assertThat(scenario.checkoutHttp.order("SKU-00008", 1).json().get("owner").asText())
        .isEqualTo("catalog-db");
  }
}
