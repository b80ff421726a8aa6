package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.interservice.lab.topology.ServiceProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bounded}: the events replica read within a 500 ms staleness bound, held by catalog's
 * watermarks; catalog frozen for 10 s shows each policy at work.
 */
class BoundedTest {
  private static final Duration BOUND = Duration.ofMillis(500);
  private static final Duration PAUSE = Duration.ofSeconds(10);

  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario = Scenario.start(BoundedTest.class, "bounded");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  /** One order placed while catalog was frozen: when it was sent, and what came back. */
  private record Attempt(Duration sentAfterPause, long tookMs, int status, JsonNode body) {
    String source() {
      return status == 201 ? body.at("/lines/0/source").asText() : "";
    }
  }

  @Test
  void ordersArePricedFromTheReplicaWithinTheBoundAndAChangeArrivesWithoutAskingCatalog()
      throws Exception {
    JsonNode line = scenario.checkoutHttp.order("SKU-00011", 1).json().at("/lines/0");
    assertThat(line.get("source").asText()).isEqualTo("bounded-replica");
    assertThat(Duration.between(Instant.parse(line.get("asOf").asText()), Instant.now()))
        .as("the replica was complete up to a recent instant")
        .isLessThan(BOUND.plusMillis(100));
    long before = scenario.ownerPriceRequests();

    long version = scenario.admin.changePrice("SKU-00011", 1111);

    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> line("SKU-00011").get("priceVersion").asLong() == version);
    assertThat(line("SKU-00011").get("source").asText()).isEqualTo("bounded-replica");
    assertThat(scenario.ownerPriceRequests()).as("no price request to catalog").isEqualTo(before);
  }

  @Test
  void aTransactionLeftOpenInCatalogsDatabaseHoldsTheWatermarkBackAndReadsGoToCatalog()
      throws Exception {
    try (Connection c = DriverManager.getConnection(scenario.database.adminUrl());
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      // it has a transaction id: a change it made could still commit, dated before now
      s.execute("SELECT pg_current_xact_id()");
      await("reads leave the replica once its watermark is older than the bound")
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> source(scenario.checkoutHttp, "SKU-00012"), where -> where.equals("owner"));
      c.rollback();
    }
    await("the watermark moves on once it ended")
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> source(scenario.checkoutHttp, "SKU-00012"),
            where -> where.equals("bounded-replica"));
  }

  @Test
  void anOrderHeldUpPastTheBoundBeforeItCommitsIsRefusedStaleAtCommitAndNothingIsWritten()
      throws Exception {
    String body = "{\"lines\":[{\"sku\":\"SKU-00013\",\"quantity\":1}]}";
    assertThat(source(scenario.checkoutHttp, "SKU-00013")).isEqualTo("bounded-replica");
    try (Connection c = DriverManager.getConnection(scenario.database.adminUrl());
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      // an uncommitted order under the same client and key: the order's insert waits for it
      s.execute(
          "INSERT INTO checkout.orders (id, status, total, currency, idempotency_key, client)"
              + " VALUES (gen_random_uuid(), 'CONFIRMED', 1, 'USD', 'held-1', 'client:alice')");
      CompletableFuture<Http.Answer> answer =
          CompletableFuture.supplyAsync(
              () -> scenario.checkoutHttp.post("/orders", body, "Idempotency-Key", "held-1"));
      await("the order's insert waits behind the open transaction")
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(20))
          .until(() ->
              scenario.count(
                      "SELECT count(*) FROM pg_stat_activity WHERE usename = 'checkout'"
                          + " AND wait_event_type = 'Lock'")
                  == 1);
      // its prices were read before it waited: once the bound has passed since, they are too old
      Instant waiting = Instant.now();
      await().atMost(BOUND.multipliedBy(3)).until(() -> Instant.now().isAfter(waiting.plus(BOUND)));
      c.rollback();

      Http.Answer refused = answer.get(10, TimeUnit.SECONDS);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.json().get("reason").asText()).isEqualTo("stale_at_commit");
    }
    assertThat(
            scenario.count("SELECT count(*) FROM checkout.orders WHERE idempotency_key = 'held-1'"))
        .as("nothing written")
        .isZero();
    assertThat(scenario.checkoutHttp.post("/orders", body, "Idempotency-Key", "held-1").status())
        .as("the same request again, nothing in its way")
        .isEqualTo(201);
  }

  @Test
  void theClockReadsAreJudgedByAgreesWithCatalogsDatabaseClockWithinAMillisecond()
      throws Exception {
    // the watermark is the database's clock; the bound is checked against checkout's JVM clock,
    // on the same host as this test's: the skew the bound's guarantee assumes
    long worstMicros = 0;
    try (Connection c = DriverManager.getConnection(scenario.database.adminUrl());
        Statement s = c.createStatement()) {
      for (int i = 0; i < 200; i++) {
        Instant before = Instant.now();
        Instant db;
        try (var r = s.executeQuery("SELECT clock_timestamp()")) {
          r.next();
          db = r.getTimestamp(1).toInstant();
        }
        Instant after = Instant.now();
        // the database's reading lies between ours unless the clocks disagree
        long outside =
            Math.max(
                Duration.between(db, before).toNanos() / 1000,
                Duration.between(after, db).toNanos() / 1000);
        worstMicros = Math.max(worstMicros, outside);
      }
    }
    System.err.println(
        "bounded: database clock outside the JVM's bracket by at most " + worstMicros + " µs");
    assertThat(worstMicros).isLessThan(1000);
  }

  @Test
  void aBoundShorterThanTheHeartbeatPlusTheRelaysDelayIsRefusedAtStartNamingBoth() {
    assertThatThrownBy(() ->
            scenario.topology.anotherCheckout(
                List.of("--staleness-bound", "150ms"), "checkout-short-bound.log"))
        .hasMessageContaining("checkout exited at start")
        .hasMessageContaining("staleness bound of 150ms")
        .hasMessageContaining("watermark interval (100ms)")
        .hasMessageContaining("relay's delay (100ms)");
  }

  @Test
  void verifyAtCommitChargesCatalogsNewerPriceWhenTheReplicaIsBehindWithinItsBound()
      throws Exception {
    // a long bound, so that the replica stays trusted while the broker is frozen
    ServiceProcess verifying =
        scenario.topology.anotherCheckout(
            List.of("--staleness-bound", "60s", "--verify-above", "1000"), "checkout-verify.log");
    Http http = http(verifying);
    var broker = SharedBroker.get().nodes().get(0);
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> source(http).equals("bounded-replica"));
      long before = scenario.admin.changePrice("SKU-00015", 900);
      await()
          .atMost(Duration.ofSeconds(3))
          .until(() -> line(http, "SKU-00015").get("priceVersion").asLong() == before);
      broker.pause();
      long changed = scenario.admin.changePrice("SKU-00015", 950);

      JsonNode small = line(http, "SKU-00015"); // 950 or 900 × 1: not above the threshold
      JsonNode large = orderOf(http, "SKU-00015", 2);

      assertThat(small.get("priceVersion").asLong())
          .as("a small order takes the replica's price, behind but within the bound")
          .isEqualTo(before);
      assertThat(large.get("priceVersion").asLong())
          .as("a large order is confirmed with catalog, which has a newer version")
          .isEqualTo(changed);
      assertThat(large.get("unitPrice").asLong()).isEqualTo(950);
      assertThat(large.get("source").asText()).isEqualTo("owner");
      assertThat(http.metric("bounded_verifications_total{outcome=\"changed\"}")).isEqualTo(1);
    } finally {
      broker.resume();
      verifying.close();
    }
  }

  @Test
  void rejectPolicyReadsLocallyUntilTheBoundThenAsksCatalogThenAnswers503() throws Exception {
    List<Attempt> attempts = whileCatalogIsFrozen(scenario.checkoutHttp);

    heldTheBoundThenLeftTheReplica(attempts);
    List<Attempt> after = afterTheBound(attempts);
    assertThat(after).isNotEmpty().allSatisfy(a -> assertThat(a.status()).isEqualTo(503));
    assertThat(after.get(0).body().get("retryAfterSeconds").asLong()).isPositive();
  }

  @Test
  void serveStalePolicyServesTheReplicaMarkedBeyondTheBound() throws Exception {
    ServiceProcess stale =
        scenario.topology.anotherCheckout(
            List.of("--bound-policy", "serve-stale"), "checkout-serve-stale.log");
    try {
      List<Attempt> attempts = whileCatalogIsFrozen(http(stale));

      heldTheBoundThenLeftTheReplica(attempts);
      assertThat(afterTheBound(attempts))
          .isNotEmpty()
          .allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(201);
            assertThat(a.source()).isEqualTo("beyond-bound");
          });
    } finally {
      stale.close();
    }
  }

  @Test
  void waitPolicyWaitsForTheWatermarkUpToItsLimitThenAnswers503() throws Exception {
    ServiceProcess waiting =
        scenario.topology.anotherCheckout(
            List.of("--bound-policy", "wait", "--bound-wait", "1s"), "checkout-wait.log");
    try {
      List<Attempt> attempts = whileCatalogIsFrozen(http(waiting));

      heldTheBoundThenLeftTheReplica(attempts);
      assertThat(afterTheBound(attempts))
          .isNotEmpty()
          .allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.tookMs()).as("waited for the watermark").isGreaterThanOrEqualTo(1000);
          });
    } finally {
      waiting.close();
    }
  }

  /**
   * Every answer served from the replica was sent within the bound of the freeze (the watermark
   * cannot pass the instant catalog froze), some were, and later ones went to catalog.
   */
  private static void heldTheBoundThenLeftTheReplica(List<Attempt> attempts) {
    List<Attempt> local =
        attempts.stream().filter(a -> a.source().equals("bounded-replica")).toList();
    assertThat(local).as("reads stayed local at first").isNotEmpty();
    assertThat(local).allSatisfy(a -> assertThat(a.sentAfterPause()).isLessThanOrEqualTo(BOUND));
    assertThat(afterTheBound(attempts)).as("reads after the bound").hasSizeGreaterThan(3);
  }

  private static List<Attempt> afterTheBound(List<Attempt> attempts) {
    // a little past the bound: the first read out may still be on its way to catalog
    return attempts.stream()
        .filter(a -> a.sentAfterPause().compareTo(BOUND.plusMillis(100)) > 0)
        .filter(a -> a.sentAfterPause().compareTo(PAUSE) < 0)
        .toList();
  }

  /**
   * Freezes catalog (its relay with it) for {@link #PAUSE}, placing orders one after another
   * through {@code checkout}, then lets it go and waits until reads are local again.
   */
  private static List<Attempt> whileCatalogIsFrozen(Http checkout) throws Exception {
    await("reads are local before")
        .atMost(Duration.ofSeconds(10))
        .until(() -> source(checkout).equals("bounded-replica"));
    List<Attempt> attempts = new ArrayList<>();
    long owner = checkoutOwnerCalls(checkout);
    long paused = System.nanoTime();
    scenario.catalog.pause();
    try {
      while (System.nanoTime() - paused < PAUSE.toNanos() && attempts.size() < 1_000) {
        long sent = System.nanoTime();
        Http.Answer a = checkout.order("SKU-00013", 1);
        attempts.add(
            new Attempt(
                Duration.ofNanos(sent - paused),
                (System.nanoTime() - sent) / 1_000_000,
                a.status(),
                a.json()));
        Thread.sleep(20);
      }
    } finally {
      scenario.catalog.resume();
    }
    System.err.printf(
        "bounded, catalog frozen %d s: %d orders; local until %d ms after the freeze; then %s%n",
        PAUSE.toSeconds(),
        attempts.size(),
        attempts.stream()
            .filter(a -> a.source().equals("bounded-replica"))
            .mapToLong(a -> a.sentAfterPause().toMillis())
            .max()
            .orElse(-1),
        afterTheBound(attempts).stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    a -> a.status() + " " + a.source(), java.util.stream.Collectors.counting())));
    assertThat(checkoutOwnerCalls(checkout))
        .as("past the bound, checkout asked catalog")
        .isGreaterThan(owner);
    await("reads are local again once catalog goes on")
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> source(checkout).equals("bounded-replica"));
    return attempts;
  }

  private static long checkoutOwnerCalls(Http checkout) {
    return checkout.metric("interservice_reader_owner_calls_total{owner=\"catalog\"}");
  }

  private static String source(Http checkout) {
    return source(checkout, "SKU-00014");
  }

  /** Where an order's price came from, or its status and problem when it was not placed. */
  private static String source(Http checkout, String sku) {
    Http.Answer a = checkout.order(sku, 1);
    return a.status() == 201
        ? a.json().at("/lines/0/source").asText()
        : "status " + a.status() + " " + a.raw().body();
  }

  private static Http http(ServiceProcess checkout) {
    return new Http(checkout.url(), scenario.topology.clientAuthorization("alice"));
  }

  private static JsonNode line(Http checkout, String sku) {
    return orderOf(checkout, sku, 1);
  }

  private static JsonNode orderOf(Http checkout, String sku, int quantity) {
    Http.Answer a = checkout.order(sku, quantity);
    assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
    return a.json().at("/lines/0");
  }

  private static JsonNode line(String sku) {
    return scenario.checkoutHttp.order(sku, 1).json().at("/lines/0");
  }
}
