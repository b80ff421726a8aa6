package io.interservice.lab.run;

import io.interservice.lab.scenario.CatalogAdmin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.StringJoiner;

/**
 * Primes a freshly started checkout before the load: orders one after another until a few have
 * succeeded, so that a run's first seconds measure the technique, not class loading, the first
 * connections or a local copy still loading. The orders are real and audited like any other.
 */
final class Priming {
  private static final int SUCCESSES = 20;
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(200);

  private Priming() {}

  /**
   * Orders carts of up to 10 of the first products until {@value #SUCCESSES} succeeded or the
   * patience (20 s) ran out; returns how many succeeded.
   */
  static int prime(URI checkout, int products) throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    int ok = 0;
    for (int i = 0; ok < SUCCESSES && System.nanoTime() < deadline; i++) {
      if (order(http, checkout, cart(i, products))) {
        ok++;
      } else {
        Thread.sleep(PAUSE_AFTER_FAILURE);
      }
    }
    return ok;
  }

  private static String cart(int i, int products) {
    StringJoiner lines = new StringJoiner(",", "{\"lines\":[", "]}");
    int size = 1 + i % Math.min(10, products);
    for (int n = 1; n <= size; n++) {
      lines.add("{\"sku\":\"" + CatalogAdmin.sku(n) + "\",\"quantity\":1}");
    }
    return lines.toString();
  }

  private static boolean order(HttpClient http, URI checkout, String body)
      throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(checkout.resolve("/orders"))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2;
    } catch (IOException e) {
      return false;
    }
  }
}
