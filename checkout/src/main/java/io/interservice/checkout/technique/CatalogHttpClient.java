package io.interservice.checkout.technique;

import io.interservice.access.Read;
import io.interservice.access.http.LimitedAnswer;
import io.interservice.access.spi.OwnerCall;
import io.interservice.access.spi.OwnerRejectedException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;

/** Catalog's {@code GET /prices} over HTTP/1.1 with the JDK client: one request per batch. */
final class CatalogHttpClient implements OwnerCall<String, Price> {
  /** 100 prices take about 12 KiB; a larger answer is catalog failing. */
  static final int MAX_ANSWER = 256 * 1024;

  private final HttpClient http;
  private final String baseUrl;
  private final Supplier<String> authorization;

  CatalogHttpClient(String baseUrl, Duration connectTimeout, Supplier<String> authorization) {
    this.authorization = authorization;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build();
  }

  @Override
  public Read.Found<String, Price> fetch(Set<String> skus, Duration timeout)
      throws IOException, InterruptedException, OwnerRejectedException {
    StringJoiner query = new StringJoiner("&", baseUrl + "/prices?", "");
    for (String sku : skus) {
      query.add("sku=" + URLEncoder.encode(sku, StandardCharsets.UTF_8));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(query.toString()))
            .timeout(timeout)
            .header("Authorization", authorization.get())
            .GET()
            .build();
    LimitedAnswer response = LimitedAnswer.send(http, request, MAX_ANSWER);
    int status = response.status();
    if (status == 401 || status == 403) {
      throw new IOException("GET /prices: catalog refused checkout's credentials (" + status + ")");
    }
    if (status >= 400 && status < 500) {
      throw new OwnerRejectedException(
          "GET /prices answered "
              + status
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    if (status != 200) {
      throw new IOException("GET /prices answered " + status);
    }
    return PriceBodies.fromJson(response.body());
  }
}
