package io.interservice.access.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.interservice.access.http.LimitedAnswer;
import io.interservice.access.spi.Change;
import io.interservice.access.spi.ChangeFeed;
import io.interservice.access.spi.ReplicaSink;
import io.interservice.protocol.Buckets;
import io.interservice.protocol.Signatures;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The push protocol's reader side, as a change feed: registers with the owner ({@code POST
 * /subscribers}, getting the secret deliveries are signed with), bootstraps from {@code GET
 * /snapshot}, then every {@code reconcileInterval} compares per-bucket checksums ({@code GET
 * /checksums}) and reloads the buckets that differ. The owner's deliveries reach it through {@link
 * #receive}, called by whatever serves the callback URL. Retries until the owner answers.
 * Thread-safe.
 */
public final class PushFeed<K, V> implements ChangeFeed<K, V> {
  private static final Logger LOG = Logger.getLogger(PushFeed.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RETRY = Duration.ofMillis(500);
  private static final int PAGE = 2000;

  /** What became of a delivery. */
  public sealed interface Received {
    /** It changed the replica: {@code key} is at {@code version} now. */
    record Applied(Object key, long version) implements Received {}

    /** It was no newer than what the replica holds. */
    record Ignored() implements Received {}

    /** It was not signed for this subscription: refuse it (401). */
    record Unauthenticated() implements Received {}
  }

  /**
   * Where and how to subscribe.
   *
   * @param owner the owner's base URL
   * @param name the subscriber's name at the owner
   * @param callbackUrl where the owner delivers changes
   * @param reconcileInterval how often checksums are compared
   * @param buckets reconciliation buckets
   * @param timeout the longest one request to the owner may take
   */
  public record Config(
      URI owner,
      String name,
      URI callbackUrl,
      Duration reconcileInterval,
      int buckets,
      Duration timeout) {
    /** Validates the fields. */
    public Config {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(callbackUrl, "callbackUrl");
      if (Objects.requireNonNull(name, "name").isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      if (reconcileInterval.isNegative() || reconcileInterval.isZero()) {
        throw new IllegalArgumentException("reconcileInterval must be positive");
      }
      if (buckets < 1 || buckets > 1024) {
        throw new IllegalArgumentException("buckets must be 1 to 1024, was " + buckets);
      }
    }

    /** The defaults: reconcile every 10 s over 64 buckets, 10 s per request. */
    public static Config of(URI owner, String name, URI callbackUrl) {
      return new Config(
          owner, name, callbackUrl, Duration.ofSeconds(10), 64, Duration.ofSeconds(10));
    }
  }

  private final Config config;
  private final PushCodec<K, V> codec;
  private final HttpClient http;
  private final Supplier<String> authorization;
  private final Thread thread;
  private volatile @Nullable ReplicaSink<K, V> sink;
  private volatile @Nullable String secret;
  private volatile @Nullable String subscriberId;

  /**
   * A feed subscribing as {@code config} says, decoding bodies with {@code codec}, sending {@code
   * authorization} as each request's {@code Authorization} header.
   */
  public PushFeed(Config config, PushCodec<K, V> codec, Supplier<String> authorization) {
    this.config = Objects.requireNonNull(config, "config");
    this.authorization = Objects.requireNonNull(authorization, "authorization");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    this.thread = Thread.ofPlatform().daemon().name("push-feed").unstarted(this::run);
  }

  @Override
  public void start(ReplicaSink<K, V> target) {
    sink = target;
    thread.start();
  }

  /**
   * Applies a delivery if it was signed by the owner for this subscription.
   *
   * @throws IllegalArgumentException when the body is not a change the codec can read
   */
  public Received receive(@Nullable String subscriber, @Nullable String signature, byte[] body) {
    String s = secret;
    ReplicaSink<K, V> target = sink;
    if (s == null
        || target == null
        || subscriber == null
        || signature == null
        || !subscriber.equals(subscriberId)
        || !Signatures.verify(s, body, signature)) {
      return new Received.Unauthenticated();
    }
    Change<K, V> change;
    try {
      change = codec.delivery(body);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a change: " + e.getMessage(), e);
    }
    if (!target.apply(change)) {
      return new Received.Ignored();
    }
    return switch (change) {
      case Change.Upsert<K, V> u -> new Received.Applied(u.key(), u.version());
      case Change.Delete<K, V> d -> new Received.Applied(d.key(), d.version());
      case Change.Watermark<K, V> w -> new Received.Ignored();
    };
  }

  private void run() {
    ReplicaSink<K, V> target = Objects.requireNonNull(sink);
    boolean loaded = false;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        if (secret == null) {
          register();
        }
        if (!loaded) {
          loadSnapshot(target);
          loaded = true;
          target.bootstrapped();
        } else {
          reconcile(target);
        }
        Thread.sleep(config.reconcileInterval());
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        LOG.log(Level.INFO, "push feed: owner not reachable (" + e + "); trying again");
        try {
          Thread.sleep(RETRY);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** The owner's snapshot, page after page ({@value #PAGE} keys each, in key order). */
  private void loadSnapshot(ReplicaSink<K, V> target) throws IOException, InterruptedException {
    String after = "";
    while (true) {
      List<Change.Upsert<K, V>> page =
          codec.snapshot(
              get(
                  "/snapshot?limit="
                      + PAGE
                      + (after.isEmpty()
                          ? ""
                          : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8))));
      for (Change.Upsert<K, V> u : page) {
        target.apply(u);
      }
      if (page.size() < PAGE) {
        return;
      }
      String last = String.valueOf(page.get(page.size() - 1).key());
      if (last.compareTo(after) <= 0) {
        throw new IOException("GET /snapshot did not move past '" + after + "'");
      }
      after = last;
    }
  }

  private void register() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(config.owner().resolve("/subscribers"))
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .header("Authorization", authorization.get())
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(
                        Map.of("name", config.name(), "callbackUrl", config.callbackUrl()))))
            .build();
    LimitedAnswer response = LimitedAnswer.send(http, request, 64 * 1024);
    if (response.status() != 201) {
      throw new IOException("POST /subscribers answered " + response.status());
    }
    JsonNode body = JSON.readTree(response.body());
    if (!body.path("id").isTextual() || !body.path("secret").isTextual()) {
      throw new IOException("POST /subscribers answered without an id and a secret");
    }
    subscriberId = body.get("id").asText();
    secret = body.get("secret").asText();
  }

  private void reconcile(ReplicaSink<K, V> target) throws IOException, InterruptedException {
    int buckets = config.buckets();
    JsonNode theirs = JSON.readTree(get("/checksums?buckets=" + buckets)).path("buckets");
    Buckets.Sums ours = target.checksums(buckets);
    for (JsonNode b : theirs) {
      int bucket = b.path("bucket").asInt(-1);
      if (bucket < 0 || bucket >= buckets) {
        throw new IOException("GET /checksums answered bucket " + bucket + " of " + buckets);
      }
      if (b.path("count").asLong() != ours.count(bucket)
          || b.path("checksum").asLong() != ours.checksum(bucket)) {
        Instant askedAt = target.now();
        byte[] page = get("/snapshot?bucket=" + bucket + "&buckets=" + buckets);
        int fixed = target.replaceBucket(bucket, buckets, codec.snapshot(page), askedAt);
        if (fixed > 0) {
          LOG.info("push feed: reconciliation repaired " + fixed + " entries of bucket " + bucket);
        }
      }
    }
  }

  private byte[] get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(config.owner().resolve(path))
            .timeout(config.timeout())
            .header("Authorization", authorization.get())
            .GET()
            .build();
    LimitedAnswer response = LimitedAnswer.send(http, request, LimitedAnswer.DEFAULT_MAX);
    if (response.status() != 200) {
      throw new IOException("GET " + path + " answered " + response.status());
    }
    return response.body();
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
