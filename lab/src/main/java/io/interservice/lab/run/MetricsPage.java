package io.interservice.lab.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A service's {@code /metrics} page, read by the lab's counters; one client for all of them. */
final class MetricsPage {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private MetricsPage() {}

  /** The page of the service at {@code service}, or empty when it does not answer. */
  static Optional<String> read(URI service) {
    try {
      return Optional.of(
          HTTP.send(
                  HttpRequest.newBuilder(service.resolve("/metrics"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
