package io.interservice.lab.functional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP client for tests, calling as one identity (an {@code Authorization} header, or
 * none): every call has a timeout, bodies are sent as JSON unless a test says otherwise, answers
 * are parsed as JSON.
 */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status, headers and the body parsed as JSON (or null when it is not JSON). */
  record Answer(int status, HttpResponse<String> raw, JsonNode json) {
    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    String contentType() {
      return header("Content-Type").orElse("");
    }
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final URI base;
  private final @Nullable String authorization;

  Http(URI base, @Nullable String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** The same service, called as {@code other} (an {@code Authorization} header value). */
  Http as(String other) {
    return new Http(base, other);
  }

  /** The same service, called with no credentials at all. */
  Http anonymous() {
    return new Http(base, null);
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Answer post(String path, String body, String... headers) {
    return send(
        withHeaders(HttpRequest.newBuilder(base.resolve(path)), headers)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer put(String path, String body) {
    return send(
        withHeaders(HttpRequest.newBuilder(base.resolve(path)))
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A request with any method, such as one the API does not know. */
  Answer method(String method, String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** Places an order for {@code lines} given as sku, quantity, sku, quantity, ... */
  Answer order(Object... skuQuantity) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < skuQuantity.length; i += 2) {
      if (i > 0) {
        lines.append(',');
      }
      lines
          .append("{\"sku\":\"")
          .append(skuQuantity[i])
          .append("\",\"quantity\":")
          .append(skuQuantity[i + 1])
          .append('}');
    }
    return post("/orders", "{\"lines\":[" + lines + "]}");
  }

  /** The value of one sample of {@code /metrics}, 0 when it is absent. */
  long metric(String sample) {
    String text = get("/metrics").raw().body();
    for (String line : text.split("\n")) {
      if (line.startsWith(sample + " ")) {
        return (long) Double.parseDouble(line.substring(sample.length() + 1).trim());
      }
    }
    return 0;
  }

  private static HttpRequest.Builder withHeaders(HttpRequest.Builder b, String... headers) {
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (!typed) {
      b.header("Content-Type", "application/json");
    }
    return b;
  }

  private Answer send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (type.contains("json") && !response.body().isEmpty()) {
        json = JSON.readTree(response.body());
      }
      return new Answer(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
