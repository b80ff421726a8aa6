package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An order that finds no free database connection within {@code --db-wait} is shed as {@code 503
 * database-busy} with {@code Retry-After}, apart from the service's limit of requests in flight
 * ({@code overloaded}): a client, and the lab's failure reasons, can tell a busy database from a
 * saturated service. The orders that had a connection end once the database answers.
 */
class DatabaseBusyTest {
  private static final int ORDERS = 6;
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    // cache-aside: once its sku is cached, an order touches no database but checkout's own
    scenario =
        Scenario.start(
            DatabaseBusyTest.class, "cache-aside", "--db-pool", "2", "--db-wait", "250ms");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void anOrderThatFindsNoFreeConnectionIsShedAsDatabaseBusyAndTheOthersAreTaken() throws Exception {
    assertThat(scenario.checkoutHttp.order("SKU-00040", 1).status()).isEqualTo(201);
    List<Future<Http.Answer>> answers = new ArrayList<>();
    List<Http.Answer> shed = new ArrayList<>();
    try (ExecutorService clients = Executors.newFixedThreadPool(ORDERS)) {
      SharedDatabase.pause();
      try {
        for (int i = 0; i < ORDERS; i++) {
          answers.add(clients.submit(() -> scenario.checkoutHttp.order("SKU-00040", 1)));
        }
        // at most two orders have the pool's two connections, stuck in the frozen database; the
        // others give up waiting for one after 250 ms
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (Future<Http.Answer> a : answers) {
          long left = Math.max(1, deadline - System.nanoTime());
          try {
            shed.add(a.get(left, TimeUnit.NANOSECONDS));
          } catch (java.util.concurrent.TimeoutException stillWaiting) {
            // one of the two that hold a connection
          }
        }
      } finally {
        SharedDatabase.resume();
      }
      assertThat(shed).hasSize(ORDERS - 2);
      for (Http.Answer a : shed) {
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.json().get("type").asText()).endsWith("/database-busy");
        assertThat(a.header("Retry-After")).isPresent();
      }
      // the two that held (or were checking) a connection end once the database answers: taken,
      // or shed the same way if their wait ran out first; nothing else
      for (Future<Http.Answer> a : answers) {
        Http.Answer answer = a.get(10, TimeUnit.SECONDS);
        if (answer.status() != 201) {
          assertThat(answer.status()).isEqualTo(503);
          assertThat(answer.json().get("type").asText()).endsWith("/database-busy");
        }
      }
    }
  }
}
