package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
  @Order(1)
  void tenConcurrentRequestsWithOneKeyGetOneOrderWrittenOnce() throws Exception {
    String body = "{\"lines\":[{\"sku\":\"SKU-00012\",\"quantity\":2}]}";
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Http.Answer>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
      for (int i = 0; i < 10; i++) {
        answers.add(
            pool.submit(() -> {
              go.await();
              return scenario.checkoutHttp.post("/orders", body, "Idempotency-Key", "dd-1");
            }));
      }
      go.countDown();
      Set<String> ids = new HashSet<>();
      for (Future<Http.Answer> f : answers) {
        Http.Answer a = f.get(30, TimeUnit.SECONDS);
        assertThat(a.status()).isIn(200, 201);
        ids.add(a.json().get("id").asText());
      }
      assertThat(ids).hasSize(1);
    }
    assertThat(
            scenario.count(
                "SELECT count(*) FROM checkout.order_lines l JOIN checkout.orders o"
                    + " ON o.id = l.order_id WHERE o.idempotency_key = 'dd-1'"))
        .isEqualTo(1);
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
