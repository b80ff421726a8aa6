package io.interservice.checkout;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.interservice.access.push.LocalCopy;
import io.interservice.access.push.Signatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Checkout's side of push: registers with catalog (getting the secret deliveries are signed with),
 * loads a snapshot, then reconciles every {@code interval}: compares per-bucket checksums with
 * catalog's and reloads the buckets that differ. Runs on its own thread; retries until catalog
 * answers.
 */
final class Subscription implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Subscription.class.getName());
  private static final int BUCKETS = 64;
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();
  private final URI catalog;
  private final String name;
  private final String callbackUrl;
  private final Duration interval;
  private final LocalCopy<Price> prices;
  private final Thread thread;
  private volatile @Nullable String secret;
  private volatile @Nullable String subscriberId;

  Subscription(
      URI catalog, String name, String callbackUrl, Duration interval, LocalCopy<Price> prices) {
    this.catalog = catalog;
    this.name = name;
    this.callbackUrl = callbackUrl;
    this.interval = interval;
    this.prices = prices;
    this.thread = Thread.ofPlatform().daemon().name("subscription").unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  /** Whether {@code signature} over {@code body} was made by catalog for this subscription. */
  boolean authentic(@Nullable String subscriber, @Nullable String signature, byte[] body) {
    String s = secret;
    return s != null
        && subscriber != null
        && signature != null
        && subscriber.equals(subscriberId)
        && Signatures.verify(s, body, signature);
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        if (secret == null) {
          register();
        }
        if (!prices.ready()) {
          load(get("/snapshot"));
          prices.markReady();
        } else {
          reconcile();
        }
        Thread.sleep(prices.ready() ? interval : Duration.ofMillis(500));
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        LOG.log(Level.INFO, "subscription: catalog not reachable (" + e + "); trying again");
        try {
          Thread.sleep(Duration.ofMillis(500));
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private void register() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(catalog.resolve("/subscribers"))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(Map.of("name", name, "callbackUrl", callbackUrl))))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IOException(
          "POST /subscribers answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode body = JSON.readTree(response.body());
    subscriberId = body.get("id").asText();
    secret = body.get("secret").asText();
  }

  private void reconcile() throws IOException, InterruptedException {
    JsonNode theirs = get("/checksums?buckets=" + BUCKETS).get("buckets");
    long[][] ours = prices.checksums(BUCKETS);
    for (JsonNode b : theirs) {
      int bucket = b.get("bucket").asInt();
      if (b.get("count").asLong() != ours[bucket][0]
          || b.get("checksum").asLong() != ours[bucket][1]) {
        load(get("/snapshot?bucket=" + bucket + "&buckets=" + BUCKETS));
      }
    }
  }

  private void load(JsonNode snapshot) {
    for (JsonNode p : snapshot.get("prices")) {
      prices.apply(
          p.get("sku").asText(),
          new Price(p.get("price").asLong(), p.get("currency").asText().trim()),
          p.get("version").asLong(),
          Instant.parse(p.get("asOf").asText()));
    }
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(catalog.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
