package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PollingTest {
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario = Scenario.start(PollingTest.class, "polling");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void aQuickQuoteIsAnsweredAtOnceAndAnOrderCarriesTheCurrentVersion() throws Exception {
    Http.Answer quote = quickQuote("{\"skus\":[\"SKU-00001\",\"NOPE-1\"]}");
    assertThat(quote.json().at("/prices/0/sku").asText()).isEqualTo("SKU-00001");
    assertThat(quote.json().at("/unknown/0").asText()).isEqualTo("NOPE-1");

    long version = scenario.admin.changePrice("SKU-00012", 1212);
    JsonNode line = scenario.checkoutHttp.order("SKU-00012", 1).json().at("/lines/0");
    assertThat(line.get("priceVersion").asLong()).isEqualTo(version);
    assertThat(line.get("source").asText()).isEqualTo("owner");
  }

  @Test
  void aSlowQuoteIsAcceptedWithLocationAndRetryAfterAndPolledUntilDone() throws Exception {
    Http.Answer accepted;
    long start;
    CompletableFuture<Http.Answer> order;
    // catalog's table held by the operator: catalog's quotes wait for it, as they would for a slow
    // database
    try (Connection dba = DriverManager.getConnection(scenario.database.adminUrl())) {
      dba.setAutoCommit(false);
      try (Statement lock = dba.createStatement()) {
        lock.execute("LOCK TABLE catalog.products IN ACCESS EXCLUSIVE MODE");
      }
      accepted = scenario.catalogHttp.post("/price-quotes", "{\"skus\":[\"SKU-00013\"]}");
      start = System.nanoTime();
      order = CompletableFuture.supplyAsync(() -> scenario.checkoutHttp.order("SKU-00014", 1));
      Thread.sleep(300);
      dba.rollback();
    }

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.header("Retry-After")).hasValue("1");
    String location = accepted.header("Location").orElseThrow();
    assertThat(location).startsWith("/price-quotes/");
    Http.Answer done =
        await("the quote is done once the table is free")
            .atMost(Duration.ofSeconds(5))
            .until(() -> scenario.catalogHttp.get(location), a -> a.status() == 200);
    assertThat(done.json().at("/prices/0/sku").asText()).isEqualTo("SKU-00013");

    assertThat(order.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
    assertThat((System.nanoTime() - start) / 1_000_000)
        .as("one poll after Retry-After")
        .isBetween(900L, 2_500L);
  }

  @Test
  void withCatalogKilledOrdersAre503AndQuotesDoNotSurviveItsRestart() throws Exception {
    String id = quickQuote("{\"skus\":[\"SKU-00018\"]}").json().get("id").asText();
    assertThat(scenario.catalogHttp.get("/price-quotes/" + id).status()).isEqualTo(200);

    scenario.whileCatalogIsDown(() -> {
      Http.Answer refused = scenario.checkoutHttp.order("SKU-00018", 1);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isPresent();
    });

    assertThat(scenario.catalogHttp.get("/price-quotes/" + id).status())
        .as("quotes are soft state")
        .isEqualTo(404);
    await("orders are priced by new quotes")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> scenario.checkoutHttp.order("SKU-00018", 1).status() == 201);
  }

  /**
   * A quote catalog answers at once: a fresh JVM may need a few tries before its first lookups fit
   * in the 25 ms it waits before answering 202.
   */
  private static Http.Answer quickQuote(String body) {
    return await("a quote answered at once")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> scenario.catalogHttp.post("/price-quotes", body), a -> a.status() == 200);
  }

  @Test
  void unknownAndMalformedQuotesAreProblems() {
    assertThat(
            scenario.catalogHttp.get("/price-quotes/00000000-0000-0000-0000-000000000000").status())
        .isEqualTo(404);
    Http.Answer bad = scenario.catalogHttp.post("/price-quotes", "{\"skus\":[\"ok\",\"not ok\"]}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("skus[1]");
    assertThat(
            scenario
                .catalogHttp
                .post("/price-quotes", "{\"skus\":[]}")
                .json()
                .get("field")
                .asText())
        .isEqualTo("skus");
  }
}
