package io.interservice.checkout.technique;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import io.interservice.access.Read;
import io.interservice.access.spi.OwnerCall;
import io.interservice.access.spi.OwnerRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Catalog's {@code GET /prices} over HTTP/1.1: one request per batch, on Helidon's blocking client
 * (kept-alive connections, the caller's virtual thread; the JDK's asynchronous client cost checkout
 * a third of its CPU under load), the answer read only up to {@link #MAX_ANSWER}.
 */
final class CatalogHttpClient implements OwnerCall<String, Price> {
  /** 100 prices take about 12 KiB; a larger answer is catalog failing. */
  static final int MAX_ANSWER = 256 * 1024;

  private final WebClient http;
  private final Supplier<String> authorization;

  CatalogHttpClient(String baseUrl, Duration connectTimeout, Supplier<String> authorization) {
    this.authorization = authorization;
    this.http =
        WebClient.builder()
            .baseUri(baseUrl)
            .connectTimeout(connectTimeout)
            .followRedirects(false)
            // catalog is reached directly: the default asked the JDK's proxy selector each request
            .proxy(Proxy.noProxy())
            .build();
  }

  /**
   * Asks on a kept-alive connection; if that connection gives out before catalog's answer is read,
   * asks once more on a connection of its own. Helidon 4.5's client hands out cached connections
   * whose idle monitor can fail the next read (the request then fails with {@code Exception in
   * socket monitor thread}, or finds the stream closed): under load, bursts of such failures opened
   * the breaker against a healthy catalog. {@code GET /prices} only reads, so asking again is safe;
   * if catalog itself is gone, the second try fails as the first would have.
   */
  @Override
  public Read.Found<String, Price> fetch(Set<String> skus, Duration timeout)
      throws IOException, InterruptedException, OwnerRejectedException {
    try {
      return fetch(skus, timeout, true);
    } catch (RuntimeException e) {
      if (!connectionGaveOut(e)) {
        throw e;
      }
      return fetch(skus, timeout, false);
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

  private Read.Found<String, Price> fetch(Set<String> skus, Duration timeout, boolean keepAlive)
      throws IOException, OwnerRejectedException {
    HttpClientRequest request =
        http.get("/prices")
            .keepAlive(keepAlive)
            .readTimeout(timeout)
            .header(HeaderNames.AUTHORIZATION, authorization.get())
            // one call with every value: a second call for the same name replaces the first
            .queryParam("sku", skus.toArray(String[]::new));
    int status;
    byte[] body;
    try (HttpClientResponse response = request.request()) {
      status = response.status().code();
      long declared =
          response.headers().contentLength().isPresent()
              ? response.headers().contentLength().getAsLong()
              : -1;
      if (declared > MAX_ANSWER) {
        throw tooLarge();
      }
      try (InputStream in = response.inputStream()) {
        body = in.readNBytes(MAX_ANSWER + 1);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (body.length > MAX_ANSWER) {
      throw tooLarge();
    }
    if (status == 401 || status == 403) {
      throw new IOException("GET /prices: catalog refused checkout's credentials (" + status + ")");
    }
    if (status >= 400 && status < 500) {
      throw new OwnerRejectedException(
          "GET /prices answered " + status + ": " + new String(body, StandardCharsets.UTF_8));
    }
    if (status != 200) {
      throw new IOException("GET /prices answered " + status);
    }
    return PriceBodies.fromJson(body);
  }

  private static IOException tooLarge() {
    return new IOException("GET /prices answered more than " + MAX_ANSWER + " bytes");
  }
}
