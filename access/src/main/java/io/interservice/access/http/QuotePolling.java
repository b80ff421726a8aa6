package io.interservice.access.http;

import io.interservice.access.Read;
import io.interservice.access.spi.OwnerCall;
import io.interservice.access.spi.OwnerRejectedException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Asynchronous request-reply over HTTP as an owner call: {@code POST} to the quotes URL starts a
 * quote; a {@code 200} is the answer at once, a {@code 202} names the quote ({@code Location}) and
 * when to look again ({@code Retry-After}); the call polls until {@code 200}, within its timeout. A
 * lost quote ({@code 404}, {@code 410}: the owner restarted, or it expired) fails the attempt, and
 * the reader's retry starts a new one. Bodies larger than 1 MiB are refused.
 */
public final class QuotePolling<K, V> implements OwnerCall<K, V> {
  private static final int MAX_BODY = 1 << 20;

  private final HttpExchange http;
  private final URI quotes;
  private final QuoteCodec<K, V> codec;
  private final Supplier<String> authorization;

  /**
   * Polls quotes started at {@code quotes} (e.g. {@code http://catalog/price-quotes}) over the
   * JDK's client, sending {@code authorization} as each request's {@code Authorization} header.
   */
  public QuotePolling(
      URI quotes, QuoteCodec<K, V> codec, Duration connectTimeout, Supplier<String> authorization) {
    this(quotes, codec, HttpExchange.jdk(connectTimeout), authorization);
  }

  /** The same, over {@code http}. */
  public QuotePolling(
      URI quotes, QuoteCodec<K, V> codec, HttpExchange http, Supplier<String> authorization) {
    this.quotes = quotes;
    this.authorization = authorization;
    this.codec = codec;
    this.http = http;
  }

  @Override
  public Read.Found<K, V> fetch(Set<K> keys, Duration timeout)
      throws IOException, InterruptedException, OwnerRejectedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    LimitedAnswer response =
        http.send(
            "POST",
            quotes,
            Map.of("Content-Type", "application/json", "Authorization", authorization.get()),
            codec.request(keys),
            timeout,
            MAX_BODY);
    while (true) {
      int status = response.status();
      if (status == 401 || status == 403) {
        throw new IOException("the owner refused our credentials: " + status);
      }
      if (status == 200) {
        return codec.answer(response.body());
      }
      if (status == 404 || status == 410) {
        throw new IOException("quote lost: " + status);
      }
      if (status >= 400 && status < 500) {
        throw new OwnerRejectedException("POST " + quotes.getPath() + " answered " + status);
      }
      if (status != 202) {
        throw new IOException("price quote answered " + status);
      }
      URI location =
          quotes.resolve(
              response
                  .headers()
                  .firstValue("Location")
                  .orElseThrow(() -> new IOException("202 without Location")));
      Duration wait =
          Duration.ofSeconds(
              Math.max(0, response.headers().firstValueAsLong("Retry-After").orElse(1)));
      long left = deadline - System.nanoTime();
      if (wait.toNanos() >= left) {
        throw new IOException(
            "quote not ready within " + timeout + " (Retry-After " + wait.toSeconds() + " s)");
      }
      Thread.sleep(wait);
      response =
          http.send(
              "GET",
              location,
              Map.of("Authorization", authorization.get()),
              null,
              Duration.ofNanos(Math.max(1, deadline - System.nanoTime())),
              MAX_BODY);
    }
  }
}
