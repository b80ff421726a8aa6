package io.interservice.checkout;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.webserver.WebServer;
import io.interservice.access.push.LocalCopy;
import io.interservice.service.Api;
import io.interservice.service.Database;
import io.interservice.service.Metrics;
import io.interservice.service.ServiceMain;
import io.interservice.service.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * Starts checkout. Flags (or {@code CHECKOUT_*} environment variables): those of every service,
 * plus {@code --technique} (default {@code direct}), {@code --catalog-url}, {@code
 * --attempt-timeout}, {@code --deadline}, {@code --max-concurrent} and, for {@code cache-aside},
 * {@code --cache-fresh}, {@code --cache-refresh-after}, {@code --cache-refresh-batch}, {@code
 * --cache-max-stale}, {@code --cache-negative}.
 */
public final class CheckoutMain {
  static final String DEFAULT_DB_URL = "jdbc:postgresql://127.0.0.1:5432/interservice";

  private CheckoutMain() {}

  /** Starts checkout and returns at once; the server runs until the JVM stops. */
  public static void main(String[] args) {
    ServiceMain.run(
        "checkout",
        args,
        ServiceMain.commonFlags(
            "technique",
            "catalog-url",
            "attempt-timeout",
            "deadline",
            "max-concurrent",
            "cache-fresh",
            "cache-refresh-after",
            "cache-refresh-batch",
            "cache-max-stale",
            "cache-negative",
            "shared-db-user",
            "shared-db-password",
            "subscriber-name",
            "public-url",
            "reconcile-interval",
            "catalog-grpc"),
        CheckoutMain::start);
  }

  static WebServer start(Settings settings) {
    String technique = settings.string("technique", "direct");
    LocalCopy<Price> pushed = technique.equals("push") ? new LocalCopy<>("catalog") : null;
    Pricing pricing =
        pushed != null
            ? new Pricing.BeforeTransaction(pushed)
            : Techniques.pricing(technique, settings);
    HikariDataSource db =
        Database.open(
            settings.string("db-url", DEFAULT_DB_URL),
            settings.string("db-user", "checkout"),
            settings.string("db-password", "checkout"),
            "checkout",
            settings.integer("db-pool", 16));
    OrderStore store = new OrderStore(db, technique);
    Metrics metrics = new Metrics();
    Api api = new Api(metrics);
    new CheckoutApi(new Checkout(pricing, store, UUID::randomUUID), store).register(api);
    PriceUpdates updates = pushed == null ? null : new PriceUpdates(pushed);
    if (updates != null) {
      updates.register(api);
    }
    WebServer server =
        api.start(settings.string("host", "127.0.0.1"), settings.integer("port", 8082));
    if (updates != null) {
      Subscription subscription =
          new Subscription(
              URI.create(settings.string("catalog-url", "http://127.0.0.1:8081")),
              settings.string("subscriber-name", "checkout"),
              settings.string("public-url", "http://127.0.0.1:" + server.port()) + "/price-updates",
              settings.duration("reconcile-interval", Duration.ofSeconds(10)),
              pushed);
      updates.subscribe(subscription);
      subscription.start();
    }
    return server;
  }
}
