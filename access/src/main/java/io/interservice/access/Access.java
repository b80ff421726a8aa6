package io.interservice.access;

import io.interservice.access.spi.OwnerCall;

/**
 * The front door of the access library: one static method per technique, each returning a builder.
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
   * A local cache in front of {@code owner} (usually a direct reader): expire-after-write,
   * refresh-ahead, serve-stale-on-error, one load per key in flight, short negative caching. See
   * {@code docs/techniques/cache-aside.md}.
   */
  public static <K, V> CacheAsideBuilder<K, V> cacheAside(Reader<K, V> owner) {
    return new CacheAsideBuilder<>(owner);
  }
}
