package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MessagingTest {
  private static final Duration DEADLINE = Duration.ofSeconds(6);
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario =
        Scenario.start(
            MessagingTest.class, "messaging", "--messaging-deadline", DEADLINE.toMillis() + "ms");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  private static JsonNode settled(Http.Answer accepted) {
    String location = accepted.header("Location").orElseThrow();
    return await("the order is settled")
        .atMost(DEADLINE.plusSeconds(3))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> scenario.checkoutHttp.get(location).json(),
            o -> !o.get("status").asText().equals("PENDING"));
  }

  @Test
  void anOrderIsAcceptedAsPendingThenConfirmedWithTheOwnersCurrentPrice() throws Exception {
    long version = scenario.admin.changePrice("SKU-00041", 4141);

    Http.Answer accepted = scenario.checkoutHttp.order("SKU-00041", 2);

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().get("status").asText()).isEqualTo("PENDING");
    JsonNode order = settled(accepted);
    assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(order.get("total").asLong()).isEqualTo(8282);
    assertThat(order.at("/lines/0/priceVersion").asLong()).isEqualTo(version);
    assertThat(order.at("/lines/0/source").asText()).isEqualTo("owner");
  }

  @Test
  void anOrderOfAnUnknownSkuIsRejectedWithAReason() {
    JsonNode order = settled(scenario.checkoutHttp.order("SKU-99999", 1));

    assertThat(order.get("status").asText()).isEqualTo("REJECTED");
    assertThat(order.get("reason").asText()).isEqualTo("unknown-skus");
  }

  @Test
  void withCatalogDownAnOrderIsConfirmedWhenItReturnsInTimeOrRejectedAtItsDeadline()
      throws Exception {
    Http.Answer[] orders = new Http.Answer[2];
    scenario.whileCatalogIsDown(() -> {
      orders[0] = scenario.checkoutHttp.order("SKU-00042", 1);
      Thread.sleep(DEADLINE.plusMillis(500));
      orders[1] = scenario.checkoutHttp.order("SKU-00043", 1);
    });
    assertThat(orders[0].status()).as("accepted while catalog is down").isEqualTo(202);

    JsonNode late = settled(orders[0]);
    JsonNode inTime = settled(orders[1]);

    assertThat(late.get("status").asText()).isEqualTo("REJECTED");
    assertThat(late.get("reason").asText()).isEqualTo("deadline-passed");
    assertThat(inTime.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(scenario.count("SELECT count(*) FROM checkout.orders WHERE status = 'PENDING'"))
        .isZero();
  }

  @Test
  void aLateOrRepeatedAnswerChangesNothing() throws Exception {
    JsonNode confirmed = settled(scenario.checkoutHttp.order("SKU-00044", 1));
    assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
    String id = confirmed.get("id").asText();

    try (KafkaProducer<String, String> producer = SharedBroker.producer()) {
      producer.send(reply(id, "SKU-00044", 1, 999)).get();
    }
    Thread.sleep(500);

    JsonNode after = scenario.checkoutHttp.get("/orders/" + id).json();
    assertThat(after.get("total").asLong()).isEqualTo(confirmed.get("total").asLong());
    assertThat(after.at("/lines/0/unitPrice").asLong())
        .isEqualTo(confirmed.at("/lines/0/unitPrice").asLong());
  }

  private static ProducerRecord<String, String> reply(
      String orderId, String sku, long version, long price) {
    String event =
        """
        {"specversion":"1.0","id":"%s-again","type":"io.interservice.catalog.price-quoted",\
        "source":"/test","subject":"%s","data":{"orderId":"%s","prices":[{"sku":"%s",\
        "price":%d,"currency":"USD","version":%d,"asOf":"%s"}],"unknown":[]}}\
        """
            .formatted(orderId, orderId, orderId, sku, price, version, Instant.now());
    return new ProducerRecord<>("checkout.price-replies", orderId, event);
  }
}
