package io.interservice.lab.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What the load generators share: one HTTP client, and how an order is posted to checkout. */
final class Orders {
  /** HTTP/1.1 (as a browser or a service client would speak to checkout), 2 s to connect. */
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private Orders() {}

  /** {@code POST /orders} of checkout as {@code client} with a JSON {@code body}. */
  static HttpRequest post(Client client, String body, Duration timeout) {
    return HttpRequest.newBuilder(client.url().resolve("/orders"))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Authorization", client.authorization())
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Sends {@code request}; whether checkout acknowledged it (2xx), false when no answer came. */
  static boolean acknowledged(HttpRequest request) throws InterruptedException {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
    } catch (IOException e) {
      return false;
    }
  }
}
