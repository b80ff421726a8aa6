package io.interservice.checkout;

import io.interservice.access.Read;
import io.interservice.access.spi.OwnerCall;
import io.interservice.access.spi.OwnerRejectedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Asynchronous request-reply over HTTP: {@code POST /price-quotes} starts a quote; a {@code 200} is
 * the answer at once, a {@code 202} names the quote ({@code Location}) and when to look again
 * ({@code Retry-After}); checkout polls until {@code 200}, within the attempt's timeout. A lost
 * quote ({@code 404}, {@code 410}: catalog restarted, or it expired) fails the attempt, and the
 * reader's retry starts a new one.
 */
final class QuotePollingClient implements OwnerCall<String, Price> {
  private final HttpClient http;
  private final URI base;

  QuotePollingClient(String baseUrl, Duration connectTimeout) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build();
  }

  @Override
  public Read.Found<String, Price> fetch(Set<String> skus, Duration timeout)
      throws IOException, InterruptedException, OwnerRejectedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest start =
        HttpRequest.newBuilder(base.resolve("price-quotes"))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    PriceBodies.MAPPER.writeValueAsBytes(Map.of("skus", skus))))
            .build();
    HttpResponse<byte[]> response = http.send(start, HttpResponse.BodyHandlers.ofByteArray());
    while (true) {
      int status = response.statusCode();
      if (status == 200) {
        return PriceBodies.fromJson(response.body());
      }
      if (status == 404 || status == 410) {
        throw new IOException("quote lost: " + status);
      }
      if (status >= 400 && status < 500) {
        throw new OwnerRejectedException(
            "POST /price-quotes answered "
                + status
                + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
      }
      if (status != 202) {
        throw new IOException("price quote answered " + status);
      }
      URI location =
          base.resolve(
              response
                  .headers()
                  .firstValue("Location")
                  .orElseThrow(() -> new IOException("202 without Location")));
      Duration wait =
          Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1));
      long left = deadline - System.nanoTime();
      if (wait.toNanos() >= left) {
        throw new IOException(
            "quote not ready within " + timeout + " (Retry-After " + wait.toSeconds() + " s)");
      }
      Thread.sleep(wait);
      HttpRequest poll =
          HttpRequest.newBuilder(location)
              .timeout(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
              .GET()
              .build();
      response = http.send(poll, HttpResponse.BodyHandlers.ofByteArray());
    }
  }
}
