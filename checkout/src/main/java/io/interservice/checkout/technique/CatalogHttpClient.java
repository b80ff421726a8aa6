package io.interservice.checkout.technique;

import io.interservice.access.Read;
import io.interservice.access.http.LimitedAnswer;
import io.interservice.access.spi.OwnerCall;
import io.interservice.access.spi.OwnerRejectedException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Catalog's {@code GET /prices} over HTTP/1.1: one request per batch, through checkout's {@link
 * PooledExchange} (kept-alive connections on the caller's virtual thread, asked again on another
 * when a kept-alive one turns out closed), the answer read only up to {@link #MAX_ANSWER}.
 */
final class CatalogHttpClient implements OwnerCall<String, Price> {
  /** 100 prices take about 12 KiB; a larger answer is catalog failing. */
  static final int MAX_ANSWER = 256 * 1024;

  private final PooledExchange http;
  private final String prices;
  private final Supplier<String> authorization;

  CatalogHttpClient(String baseUrl, Duration connectTimeout, Supplier<String> authorization) {
    this.authorization = authorization;
    this.prices = URI.create(baseUrl).resolve("/prices").toString();
    this.http = new PooledExchange(connectTimeout);
  }

  @Override
  public Read.Found<String, Price> fetch(Set<String> skus, Duration timeout)
      throws IOException, InterruptedException, OwnerRejectedException {
    StringBuilder uri = new StringBuilder(prices);
    char separator = '?';
    for (String sku : skus) {
      uri.append(separator).append("sku=").append(URLEncoder.encode(sku, StandardCharsets.UTF_8));
      separator = '&';
    }
    LimitedAnswer answer =
        http.send(
            "GET",
            URI.create(uri.toString()),
            Map.of("Authorization", authorization.get()),
            null,
            timeout,
            MAX_ANSWER);
    int status = answer.status();
    if (status == 401 || status == 403) {
      throw new IOException("GET /prices: catalog refused checkout's credentials (" + status + ")");
    }
    if (status >= 400 && status < 500) {
      throw new OwnerRejectedException(
          "GET /prices answered "
              + status
              + ": "
              + new String(answer.body(), StandardCharsets.UTF_8));
    }
    if (status != 200) {
      throw new IOException("GET /prices answered " + status);
    }
    return PriceBodies.fromJson(answer.body());
  }
}
