package io.interservice.lab.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Catalog's admin API over HTTP: seeding products and changing prices. Thread-safe. */
public final class CatalogAdmin {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHUNK = 5_000;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final URI catalog;
  private final String authorization;

  /** Catalog at {@code catalog}, called with an operator's {@code authorization} header. */
  public CatalogAdmin(URI catalog, String authorization) {
    this.catalog = catalog;
    this.authorization = authorization;
  }

  /** The sku of product {@code n} (1-based): {@code SKU-00001}, {@code SKU-00002}, ... */
  public static String sku(int n) {
    return String.format(Locale.ROOT, "SKU-%05d", n);
  }

  /** Creates products 1..{@code count} with prices from {@code seed}, in USD. */
  public void seed(int count, long seed) throws IOException, InterruptedException {
    SplittableRandom random = new SplittableRandom(seed);
    for (int from = 1; from <= count; from += CHUNK) {
      List<Map<String, Object>> products = new ArrayList<>();
      for (int n = from; n < from + CHUNK && n <= count; n++) {
        products.add(
            Map.of(
                "sku",
                sku(n),
                "name",
                "Product " + n,
                "price",
                100 + random.nextLong(99_900),
                "currency",
                "USD"));
      }
      send("POST", "/products", Map.of("products", products), Duration.ofSeconds(60));
    }
  }

  /** Sets a new price; returns the new version. */
  public long changePrice(String sku, long price) throws IOException, InterruptedException {
    String body =
        send(
            "PUT",
            "/products/" + sku + "/price",
            Map.of("price", price, "currency", "USD"),
            Duration.ofSeconds(5));
    return JSON.readTree(body).get("version").asLong();
  }

  /**
   * Has catalog rename its products table's price column, keeping its own API working (catalog must
   * run in lab mode: no deployment offers this).
   */
  public void renamePriceColumn() throws IOException, InterruptedException {
    send(
        "POST",
        "/admin/schema-change",
        Map.of("change", "rename-price-column"),
        Duration.ofSeconds(30));
  }

  private String send(String method, String path, Object body, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(catalog.resolve(path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
