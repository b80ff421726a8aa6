package io.interservice.catalog;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.webserver.WebServer;
import io.interservice.owner.push.PushConfig;
import io.interservice.owner.push.Pusher;
import io.interservice.owner.quotes.QuoteBoard;
import io.interservice.service.Api;
import io.interservice.service.Database;
import io.interservice.service.Metrics;
import io.interservice.service.ServiceMain;
import io.interservice.service.Settings;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Starts catalog. Flags (or {@code CATALOG_*} environment variables): {@code --host}, {@code
 * --port}, {@code --db-url}, {@code --db-user}, {@code --db-password}, {@code --db-pool}.
 */
public final class CatalogMain {
  private CatalogMain() {}

  /** Starts catalog and returns at once; the server runs until the JVM stops. */
  public static void main(String[] args) {
    ServiceMain.run(
        "catalog",
        args,
        ServiceMain.commonFlags(
            "quote-workers", "push-max-backoff", "push-max-attempts", "grpc-port"),
        CatalogMain::start);
  }

  static WebServer start(Settings settings) throws java.sql.SQLException {
    HikariDataSource db =
        Database.open(
            settings.string("db-url", "jdbc:postgresql://127.0.0.1:5432/interservice"),
            settings.string("db-user", "catalog"),
            settings.string("db-password", "catalog"),
            "catalog",
            settings.integer("db-pool", 16));
    Metrics metrics = new Metrics();
    Api api = new Api(metrics);
    ProductStore store = new ProductStore(db);
    Faults faults = new Faults();
    QuoteBoard<CatalogApi.Prices> quotes =
        new QuoteBoard<>(
            settings.integer("quote-workers", 4), InstantSource.system(), Duration.ofSeconds(60));
    Pusher push =
        new Pusher(
            db,
            new PushConfig(
                Duration.ofMillis(100),
                settings.duration("push-max-backoff", Duration.ofSeconds(5)),
                settings.integer("push-max-attempts", 10),
                Duration.ofSeconds(2)),
            new java.util.SplittableRandom());
    push.start();
    new CatalogApi(store, faults, quotes, push).register(api);
    int grpcPort = settings.integer("grpc-port", -1);
    if (grpcPort >= 0) {
      GrpcPrices.start(
          settings.string("host", "127.0.0.1"), grpcPort, store, faults, metrics.registry());
    }
    return api.start(settings.string("host", "127.0.0.1"), settings.integer("port", 8081));
  }
}
