package io.interservice.access;

import io.interservice.access.http.HttpExchange;
import io.interservice.access.http.QuoteCodec;
import io.interservice.access.http.QuotePolling;
import io.interservice.access.push.PushCodec;
import io.interservice.access.push.PushFeed;
import io.interservice.access.replica.ReplicaBuilder;
import io.interservice.access.spi.ChangeFeed;
import io.interservice.access.spi.OwnerCall;
import java.net.URI;
import java.time.Duration;

/**
 * The front door of the access library: one static method per technique, each returning a builder
 * of a {@link Reader} (close it when done: a reader may own threads).
 *
 * <pre>{@code
 * Reader<String, Price> prices = Access.direct("catalog", catalogClient::fetchPrices)
 *     .attemptTimeout(Duration.ofMillis(300))
 *     .deadline(Duration.ofSeconds(1))
 *     .build();
 * switch (prices.read(Set.of("SKU-1", "SKU-2"))) {
 *   case Read.Found<String, Price> found -> ...
 *   case Read.Unavailable<String, Price> down -> ...
 * }
 * }</pre>
 *
 * <p>Techniques and their doors: {@code direct} (any transport: HTTP, gRPC, SQL through {@code
 * jdbc.JdbcReads}) and {@link #polling}; {@link #cacheAside}; a replica fed by any change feed
 * ({@link #replica}), such as the owner's pushes ({@link #pushFeed}).
 */
public final class Access {
  private Access() {}

  /**
   * A reader that asks the owner on every read, through {@code call}, with timeouts, retries, a
   * circuit breaker, a concurrency limit and coalescing. See {@code docs/techniques/direct.md}.
   */
  public static <K, V> DirectBuilder<K, V> direct(String owner, OwnerCall<K, V> call) {
    return new DirectBuilder<>(owner, call);
  }

  /**
   * A direct reader whose owner call is asynchronous request-reply: a quote started at {@code
   * quotes} and polled until done. Defaults as {@link #direct} except a 2.5 s attempt and a 5 s
   * deadline. See {@code docs/techniques/polling.md}.
   */
  public static <K, V> DirectBuilder<K, V> polling(
      String owner,
      URI quotes,
      QuoteCodec<K, V> codec,
      java.util.function.Supplier<String> authorization) {
    return polling(owner, quotes, codec, HttpExchange.jdk(POLLING_ATTEMPT), authorization);
  }

  /** The same, over {@code http} instead of the JDK's client. */
  public static <K, V> DirectBuilder<K, V> polling(
      String owner,
      URI quotes,
      QuoteCodec<K, V> codec,
      HttpExchange http,
      java.util.function.Supplier<String> authorization) {
    return new DirectBuilder<>(owner, new QuotePolling<>(quotes, codec, http, authorization))
        .attemptTimeout(POLLING_ATTEMPT)
        .deadline(Duration.ofSeconds(5));
  }

  private static final Duration POLLING_ATTEMPT = Duration.ofMillis(2500);

  /**
   * A local cache in front of {@code owner} (usually a direct reader): expire-after-write,
   * refresh-ahead, serve-stale-on-error, one load per key in flight, short negative caching. See
   * {@code docs/techniques/cache-aside.md}.
   */
  public static <K, V> CacheAsideBuilder<K, V> cacheAside(Reader<K, V> owner) {
    return new CacheAsideBuilder<>(owner);
  }

  /**
   * A local replica of {@code owner}'s data kept by {@code feed}: reads are local, values applied
   * by version, not ready until the feed has bootstrapped it. See {@code docs/architecture.md}.
   */
  public static <K, V> ReplicaBuilder<K, V> replica(String owner, ChangeFeed<K, V> feed) {
    return new ReplicaBuilder<>(owner, feed);
  }

  /**
   * A reader of {@code replica} that holds a staleness bound: local while the replica's watermark
   * is within it, {@code owner} (usually a direct reader) past it, a policy when the owner cannot
   * answer. The replica's feed must carry the owner's watermarks. See {@code
   * docs/techniques/bounded.md}.
   */
  public static <K, V> BoundedBuilder<K, V> bounded(
      io.interservice.access.replica.Replica<K, V> replica, Reader<K, V> owner) {
    return new BoundedBuilder<>(replica, owner);
  }

  /**
   * A change feed of the owner's pushes, for {@link #replica}: subscription, snapshot, signed
   * deliveries, reconciliation. See {@code docs/techniques/push.md}.
   */
  public static <K, V> PushFeed<K, V> pushFeed(
      PushFeed.Config config,
      PushCodec<K, V> codec,
      java.util.function.Supplier<String> authorization) {
    return new PushFeed<>(config, codec, authorization);
  }
}
