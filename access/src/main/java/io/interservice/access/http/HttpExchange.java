package io.interservice.access.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request to the other service and its answer, read up to a limit: how the library's HTTP
 * protocols ({@link QuotePolling}) reach the owner. {@link #jdk} uses the JDK's client; a service
 * may bring a client of its own (checkout brings a blocking client, which costs it less CPU per
 * call than the JDK's asynchronous one, see docs/benchmarks.md).
 */
@FunctionalInterface
public interface HttpExchange {

  /**
   * Sends {@code method} to {@code uri} with {@code headers} and {@code body} (none if null),
   * waiting up to {@code timeout} for the answer, and reads at most {@code maxBytes} of it.
   *
   * @throws IOException when the call fails or the answer is larger than {@code maxBytes}
   */
  LimitedAnswer send(
      String method,
      URI uri,
      Map<String, String> headers,
      byte @Nullable [] body,
      Duration timeout,
      int maxBytes)
      throws IOException, InterruptedException;

  /** Exchanges over the JDK's HTTP/1.1 client, connecting within {@code connectTimeout}. */
  static HttpExchange jdk(Duration connectTimeout) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build();
    return (method, uri, headers, body, timeout, maxBytes) -> {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(timeout)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(request::header);
      return LimitedAnswer.send(http, request.build(), maxBytes);
    };
  }
}
