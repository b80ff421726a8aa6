package io.interservice.checkout.technique;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import io.interservice.access.http.HttpExchange;
import io.interservice.access.http.LimitedAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Checkout's calls to catalog over HTTP/1.1 on Helidon's blocking client: kept-alive connections,
 * the caller's virtual thread, no proxy (catalog is reached directly; the default asked the JDK's
 * proxy selector on every call). The JDK's asynchronous client cost checkout a third of its CPU
 * under load, and under {@code polling} at 100 orders/s a third of its samples.
 *
 * <p>A request whose kept-alive connection gives out before the answer is read is sent once more on
 * a connection of its own. Helidon 4.5's client hands out cached connections whose idle monitor can
 * fail the next read (the request then fails with {@code Exception in socket monitor thread}, or
 * finds the stream closed): under load, bursts of such failures opened the breaker against a
 * healthy catalog. Checkout only reads through it (a price lookup, a quote started or polled), so
 * asking again is safe; if catalog itself is gone, the second try fails as the first would have.
 */
final class HelidonExchange implements HttpExchange {
  private final WebClient http;

  HelidonExchange(Duration connectTimeout) {
    this.http =
        WebClient.builder()
            .connectTimeout(connectTimeout)
            .followRedirects(false)
            .proxy(Proxy.noProxy())
            .build();
  }

  @Override
  public LimitedAnswer send(
      String method,
      URI uri,
      Map<String, String> headers,
      byte @Nullable [] body,
      Duration timeout,
      int maxBytes)
      throws IOException {
    try {
      return send(method, uri, headers, body, timeout, maxBytes, true);
    } catch (RuntimeException e) {
      if (!connectionGaveOut(e)) {
        throw e;
      }
      return send(method, uri, headers, body, timeout, maxBytes, false);
    }
  }

  /**
   * Whether {@code e} is the connection giving out under the client, not an answer: its idle
   * monitor's failure (a bare {@code RuntimeException} around the monitor's {@code
   * ExecutionException}), or the stream ending before the answer did.
   */
  private static boolean connectionGaveOut(RuntimeException e) {
    return (e.getClass() == RuntimeException.class && e.getCause() instanceof ExecutionException)
        || e instanceof DataReader.InsufficientDataAvailableException;
  }

  private LimitedAnswer send(
      String method,
      URI uri,
      Map<String, String> headers,
      byte @Nullable [] body,
      Duration timeout,
      int maxBytes,
      boolean keepAlive)
      throws IOException {
    HttpClientRequest request =
        http.method(Method.create(method)).uri(uri).keepAlive(keepAlive).readTimeout(timeout);
    headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
    try (HttpClientResponse response = body == null ? request.request() : request.submit(body)) {
      long declared =
          response.headers().contentLength().isPresent()
              ? response.headers().contentLength().getAsLong()
              : -1;
      if (declared > maxBytes) {
        throw tooLarge(method, uri, maxBytes);
      }
      byte[] answer;
      try (InputStream in = response.inputStream()) {
        answer = in.readNBytes(maxBytes + 1);
      }
      if (answer.length > maxBytes) {
        throw tooLarge(method, uri, maxBytes);
      }
      Map<String, List<String>> names = new LinkedHashMap<>();
      for (Header h : response.headers()) {
        names.put(h.name(), h.allValues());
      }
      return new LimitedAnswer(
          response.status().code(), HttpHeaders.of(names, (name, value) -> true), answer);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static IOException tooLarge(String method, URI uri, int maxBytes) {
    return new IOException(
        method + " " + uri.getPath() + " answered more than " + maxBytes + " bytes");
  }
}
