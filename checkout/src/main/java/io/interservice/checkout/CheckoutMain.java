package io.interservice.checkout;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.webserver.WebServer;
import io.interservice.access.Reader;
import io.interservice.service.Api;
import io.interservice.service.Database;
import io.interservice.service.Metrics;
import io.interservice.service.ServiceMain;
import io.interservice.service.Settings;
import java.util.UUID;

/**
 * Starts checkout. Flags (or {@code CHECKOUT_*} environment variables): those of every service,
 * plus {@code --technique} (default {@code direct}), {@code --catalog-url}, {@code
 * --attempt-timeout}, {@code --deadline} and {@code --max-concurrent}.
 */
public final class CheckoutMain {
  private CheckoutMain() {}

  /** Starts checkout and returns at once; the server runs until the JVM stops. */
  public static void main(String[] args) {
    ServiceMain.run(
        "checkout",
        args,
        ServiceMain.commonFlags(
            "technique", "catalog-url", "attempt-timeout", "deadline", "max-concurrent"),
        CheckoutMain::start);
  }

  static WebServer start(Settings settings) {
    String technique = settings.string("technique", "direct");
    Reader<String, Price> prices = Techniques.reader(technique, settings);
    HikariDataSource db =
        Database.open(
            settings.string("db-url", "jdbc:postgresql://127.0.0.1:5432/interservice"),
            settings.string("db-user", "checkout"),
            settings.string("db-password", "checkout"),
            "checkout",
            settings.integer("db-pool", 16));
    OrderStore store = new OrderStore(db, technique);
    Metrics metrics = new Metrics();
    Api api = new Api(metrics);
    new CheckoutApi(new Checkout(prices, store, UUID::randomUUID), store).register(api);
    return api.start(settings.string("host", "127.0.0.1"), settings.integer("port", 8082));
  }
}
