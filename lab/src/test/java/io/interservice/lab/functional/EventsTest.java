package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventsTest {
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario = Scenario.start(EventsTest.class, "events");
  }

  /**
   * How long a price change may take to reach checkout's replica here: far above its usual tens of
   * milliseconds (the lab measures that), so that a stall of the shared machine is not read as a
   * change that never arrived.
   */
  private static final Duration PROPAGATION = Duration.ofSeconds(10);

  @AfterAll
  static void stop() {
    scenario.close();
  }

  private static JsonNode line(String sku) {
    return scenario.checkoutHttp.order(sku, 1).json().at("/lines/0");
  }

  @Test
  void ordersArePricedFromTheEventReplicaAndAPriceChangeArrivesWithoutAskingCatalog()
      throws Exception {
    assertThat(line("SKU-00011").get("source").asText()).isEqualTo("event-replica");
    long before = scenario.ownerPriceRequests();

    long version = scenario.admin.changePrice("SKU-00011", 1111);

    await()
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> line("SKU-00011").get("priceVersion").asLong() == version);
    assertThat(line("SKU-00011").get("unitPrice").asLong()).isEqualTo(1111);
    assertThat(scenario.ownerPriceRequests()).as("no price request to catalog").isEqualTo(before);
  }

  @Test
  void aSkuTheReplicaDoesNotHoldIsAProblemNotAnInventedPrice() {
    Http.Answer refused = scenario.checkoutHttp.order("SKU-99999", 1);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("unknownSkus").get(0).asText()).isEqualTo("SKU-99999");
  }

  @Test
  void duplicatedAndOutOfOrderEventsWrittenIntoTheTopicHaveNoEffect() throws Exception {
    long version = scenario.admin.changePrice("SKU-00021", 2121);
    await()
        .atMost(PROPAGATION)
        .until(() -> line("SKU-00021").get("priceVersion").asLong() == version);

    RecordMetadata last;
    try (KafkaProducer<String, String> producer = SharedBroker.producer()) {
      // an older version with another price, then the current one again
      producer.send(record("SKU-00021", 1, 1, Instant.parse("2026-01-01T00:00:00Z"))).get();
      last = producer.send(record("SKU-00021", version, 2121, Instant.now())).get();
    }
    String source = last.topic() + "-" + last.partition();
    await("checkout consumed them")
        .atMost(Duration.ofSeconds(5))
        .until(() ->
            scenario.count(
                    "SELECT coalesce(max(position), 0) FROM checkout.price_replica_positions"
                        + " WHERE source = '"
                        + source
                        + "'")
                > last.offset());

    JsonNode after = line("SKU-00021");
    assertThat(after.get("priceVersion").asLong()).isEqualTo(version);
    assertThat(after.get("unitPrice").asLong()).isEqualTo(2121);
  }

  @Test
  void aCheckoutKilledAndRestartedResumesFromItsSavedPositionsAndIsReadyBeforeItTakesOrders()
      throws Exception {
    long version = scenario.admin.changePrice("SKU-00031", 3131);
    await()
        .atMost(PROPAGATION)
        .until(() -> line("SKU-00031").get("priceVersion").asLong() == version);
    assertThat(scenario.count("SELECT count(*) FROM checkout.price_replica_positions"))
        .isPositive();

    scenario.checkout.kill();
    long restarting = System.nanoTime();
    scenario.checkout.restart(); // returns once /health/ready answers 200
    long readyMs = (System.nanoTime() - restarting) / 1_000_000;

    assertThat(line("SKU-00031").get("priceVersion").asLong()).isEqualTo(version);
    String log = Files.readString(scenario.checkout.log());
    assertThat(log.substring(log.lastIndexOf("--- starting checkout")))
        .contains("resumed from stored positions")
        .doesNotContain("reading from the beginning");
    System.err.println("events: checkout restarted and ready in " + readyMs + " ms");
  }

  @Test
  void killingTheRelayFiveTimesMidStreamLosesNothingAndAppliesEveryChangeOnce() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger changed = new AtomicInteger();
    Thread writer =
        Thread.ofVirtual()
            .start(() -> {
              int i = 0;
              while (writing.get() && i < 2_000) {
                String sku = String.format("SKU-%05d", 1 + i % Scenario.PRODUCTS);
                try {
                  scenario.admin.changePrice(sku, 5_000 + i);
                  changed.incrementAndGet();
                } catch (Exception e) {
                  // catalog is down: this change was not made
                }
                i++;
              }
            });
    for (int kill = 0; kill < 5; kill++) {
      Thread.sleep(700);
      scenario.catalog.kill();
      scenario.catalog.restart();
    }
    writing.set(false);
    writer.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(changed.get()).as("changes made while the relay was killed").isPositive();

    await("the replica equals catalog")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(250))
        .until(() ->
            rows("SELECT key || ':' || version || ':' || value FROM checkout.price_replica_entries")
                .equals(
                    rows(
                        "SELECT sku || ':' || version || ':' || price || ' ' || currency"
                            + " FROM catalog.products")));
    assertThat(rows("SELECT key || ':' || version FROM checkout.price_replica_applied"))
        .as("every version catalog committed was applied, once (the log is keyed by version)")
        .isEqualTo(rows("SELECT sku || ':' || version FROM catalog.price_history"));
  }

  private static Set<String> rows(String sql) {
    Set<String> rows = new HashSet<>();
    try (Connection c = DriverManager.getConnection(scenario.database.adminUrl());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        rows.add(r.getString(1));
      }
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
    return rows;
  }

  private static ProducerRecord<String, String> record(
      String sku, long version, long price, Instant at) {
    String event =
        """
        {"specversion":"1.0","id":"%s-%d","type":"io.interservice.catalog.price-changed",\
        "source":"/test","subject":"%s","time":"%s","datacontenttype":"application/json",\
        "data":{"sku":"%s","price":%d,"currency":"USD","version":%d,"validFrom":"%s"}}\
        """
            .formatted(sku, version, sku, at, sku, price, version, at);
    return new ProducerRecord<>("catalog.prices", sku, event);
  }
}
