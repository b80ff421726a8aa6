package io.interservice.checkout.technique;

import io.interservice.access.Read;
import io.interservice.access.spi.OwnerCall;
import io.interservice.access.spi.OwnerRejectedException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.StringJoiner;

/** Catalog's {@code GET /prices} over HTTP/1.1 with the JDK client: one request per batch. */
final class CatalogHttpClient implements OwnerCall<String, Price> {
  private final HttpClient http;
  private final String baseUrl;

  CatalogHttpClient(String baseUrl, Duration connectTimeout) {
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
        HttpRequest.newBuilder(URI.create(query.toString())).timeout(timeout).GET().build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    int status = response.statusCode();
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
