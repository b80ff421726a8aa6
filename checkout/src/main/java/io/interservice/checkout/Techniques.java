package io.interservice.checkout;

import io.interservice.access.Access;
import io.interservice.access.Reader;
import io.interservice.access.jdbc.JdbcReads;
import io.interservice.access.spi.OwnerCall;
import io.interservice.service.Database;
import io.interservice.service.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import javax.sql.DataSource;

/** The techniques checkout can price orders with, by the name {@code --technique} takes. */
final class Techniques {
  private static final Map<String, Function<Settings, Reader<String, Price>>> BY_NAME =
      Map.of(
          "direct", Techniques::direct,
          "cache-aside", Techniques::cacheAside,
          "shared-db", Techniques::sharedDb,
          "polling", Techniques::polling,
          "direct-grpc", Techniques::directGrpc);

  private Techniques() {}

  /**
   * How orders are priced with technique {@code name}.
   *
   * @throws IllegalArgumentException naming the techniques there are
   */
  static Pricing pricing(String name, Settings settings) {
    if (name.equals("data-domain")) {
      return new Pricing.InTransaction(new PublishedPrices());
    }
    Function<Settings, Reader<String, Price>> factory = BY_NAME.get(name);
    if (factory == null) {
      TreeSet<String> known = new TreeSet<>(BY_NAME.keySet());
      known.add("data-domain");
      known.add("push");
      throw new IllegalArgumentException("unknown technique '" + name + "'; known: " + known);
    }
    return new Pricing.BeforeTransaction(factory.apply(settings));
  }

  private static Reader<String, Price> cacheAside(Settings settings) {
    return Access.cacheAside(direct(settings))
        .fresh(settings.duration("cache-fresh", Duration.ofSeconds(30)))
        .refreshAfter(settings.duration("cache-refresh-after", Duration.ofSeconds(20)))
        .refreshBatch(settings.duration("cache-refresh-batch", Duration.ofSeconds(1)))
        .maxStale(settings.duration("cache-max-stale", Duration.ofMinutes(5)))
        .negative(settings.duration("cache-negative", Duration.ofSeconds(2)))
        .build();
  }

  private static Reader<String, Price> sharedDb(Settings settings) {
    DataSource shared =
        Database.pool(
            settings.string("db-url", CheckoutMain.DEFAULT_DB_URL),
            settings.string("shared-db-user", "checkout_shared"),
            settings.string("shared-db-password", ""),
            "catalog",
            settings.integer("db-pool", 16));
    return resilient(
        "catalog-db",
        JdbcReads.ownerCall(
            shared,
            "SELECT sku, price, currency, version, clock_timestamp() FROM catalog.products WHERE sku = ANY (?)",
            PriceBodies::fromRow),
        settings);
  }

  private static Reader<String, Price> directGrpc(Settings settings) {
    return resilient(
        "catalog",
        new CatalogGrpcClient(settings.string("catalog-grpc", "127.0.0.1:9081")),
        settings);
  }

  private static Reader<String, Price> polling(Settings settings) {
    Duration attempt = settings.duration("attempt-timeout", Duration.ofMillis(2500));
    return resilient(
        "catalog",
        new QuotePollingClient(settings.string("catalog-url", "http://127.0.0.1:8081"), attempt),
        settings,
        attempt,
        settings.duration("deadline", Duration.ofSeconds(5)));
  }

  private static Reader<String, Price> direct(Settings settings) {
    Duration attempt = settings.duration("attempt-timeout", Duration.ofMillis(500));
    return resilient(
        "catalog",
        new CatalogHttpClient(settings.string("catalog-url", "http://127.0.0.1:8081"), attempt),
        settings);
  }

  private static Reader<String, Price> resilient(
      String owner, OwnerCall<String, Price> call, Settings settings) {
    return resilient(
        owner,
        call,
        settings,
        settings.duration("attempt-timeout", Duration.ofMillis(500)),
        settings.duration("deadline", Duration.ofSeconds(2)));
  }

  private static Reader<String, Price> resilient(
      String owner,
      OwnerCall<String, Price> call,
      Settings settings,
      Duration attempt,
      Duration deadline) {
    return Access.direct(owner, call)
        .attemptTimeout(attempt)
        .deadline(deadline)
        .maxConcurrent(settings.integer("max-concurrent", 64))
        .build();
  }
}
