package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OwnerDownTest {
  private static final Duration DEADLINE = Duration.ofSeconds(1);
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario =
        Scenario.start(
            OwnerDownTest.class,
            "direct",
            "--attempt-timeout",
            "300ms",
            "--deadline",
            DEADLINE.toMillis() + "ms");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void withCatalogKilledCheckoutAnswers503WithinItsDeadlineThenRecoversAfterRestart() {
    assertThat(scenario.checkoutHttp.order("SKU-00001", 1).status()).isEqualTo(201);
    long orders = scenario.orderCount();

    scenario.catalog.kill();

    long start = System.nanoTime();
    Http.Answer refused = scenario.checkoutHttp.order("SKU-00001", 1);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(refused.status()).isEqualTo(503);
    assertThat(took).isLessThan(DEADLINE.plusMillis(500));
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.json().get("owner").asText()).isEqualTo("catalog");
    assertThat(refused.json().get("detail").asText())
        .as("no exception text or address reaches the client")
        .doesNotContain("Exception", "java.", "127.0.0.1", "attempt");

    await("the breaker opens")
        .atMost(Duration.ofSeconds(10))
        .until(() -> "circuit_open".equals(reason(scenario.checkoutHttp.order("SKU-00001", 1))));
    assertThat(scenario.orderCount()).as("nothing written while catalog is down").isEqualTo(orders);

    scenario.catalog.restart();
    long restarted = System.nanoTime();
    await("orders succeed again")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> scenario.checkoutHttp.order("SKU-00001", 1).status() == 201);
    assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(Duration.ofSeconds(5));
  }

  private static String reason(Http.Answer answer) {
    return answer.json() == null || answer.json().get("reason") == null
        ? ""
        : answer.json().get("reason").asText();
  }
}
