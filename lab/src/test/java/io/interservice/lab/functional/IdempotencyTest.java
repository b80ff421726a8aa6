package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

class IdempotencyTest {
  private static final String BODY = "{\"lines\":[{\"sku\":\"SKU-00002\",\"quantity\":2}]}";
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario = Scenario.start(IdempotencyTest.class);
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void fiftyConcurrentRequestsWithOneKeyCreateExactlyOneOrder() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Http.Answer>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
      for (int i = 0; i < 50; i++) {
        answers.add(
            pool.submit(() -> {
              go.await();
              return scenario.checkoutHttp.post("/orders", BODY, "Idempotency-Key", "concurrent-1");
            }));
      }
      go.countDown();
      Set<String> ids = new HashSet<>();
      int created = 0;
      for (Future<Http.Answer> f : answers) {
        Http.Answer a = f.get(30, TimeUnit.SECONDS);
        assertThat(a.status()).isIn(200, 201);
        created += a.status() == 201 ? 1 : 0;
        ids.add(a.json().get("id").asText());
      }
      assertThat(ids).hasSize(1);
      assertThat(created).isEqualTo(1);
    }
    assertThat(
            scenario.count(
                "SELECT count(*) FROM checkout.orders WHERE idempotency_key = 'concurrent-1'"))
        .isEqualTo(1);
  }

  @Test
  void aRetryWithTheSameKeyAndBodyGetsTheOriginalOrder() {
    Http.Answer first = scenario.checkoutHttp.post("/orders", BODY, "Idempotency-Key", "retry-1");
    Http.Answer again = scenario.checkoutHttp.post("/orders", BODY, "Idempotency-Key", "retry-1");

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
    assertThat(again.json()).isEqualTo(first.json());
  }

  @Test
  void theSameKeyWithAnotherBodyIsAConflict() {
    scenario.checkoutHttp.post("/orders", BODY, "Idempotency-Key", "conflict-1");
    long orders = scenario.orderCount();

    Http.Answer other =
        scenario.checkoutHttp.post(
            "/orders",
            BODY.replace("\"quantity\":2", "\"quantity\":3"),
            "Idempotency-Key",
            "conflict-1");

    assertThat(other.status()).isEqualTo(409);
    assertThat(other.contentType()).isEqualTo("application/problem+json");
    assertThat(other.json().get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(scenario.orderCount()).isEqualTo(orders);
  }
}
