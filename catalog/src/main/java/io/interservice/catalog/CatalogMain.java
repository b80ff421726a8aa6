package io.interservice.catalog;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.webserver.WebServer;
import io.interservice.owner.outbox.OutboxRelay;
import io.interservice.owner.outbox.OutboxSink;
import io.interservice.service.Api;
import io.interservice.service.Metrics;
import io.interservice.service.ServiceMain;
import io.interservice.service.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Starts catalog. Flags (or {@code CATALOG_*} environment variables): those of every service,
 * {@code --features} (a comma-separated list of {@link OwnerFeatures}, none by default) and the
 * flags of the features named, {@code --lab-mode on} (adds the lab's schema-change route; never in
 * a deployment).
 */
public final class CatalogMain {
  private CatalogMain() {}

  /** Starts catalog and returns at once; the server runs until the JVM stops. */
  public static void main(String[] args) {
    ServiceMain.run("catalog", args, CatalogMain::flags, CatalogMain::start);
  }

  private static Set<String> flags(Settings settings) {
    Set<String> flags = new HashSet<>(ServiceMain.commonFlags("features", "lab-mode"));
    OwnerFeatures.named(settings.string("features", "")).forEach(f -> flags.addAll(f.flags()));
    return flags;
  }

  static WebServer start(Settings settings) throws Exception {
    List<OwnerFeature> features = OwnerFeatures.named(settings.string("features", ""));
    Clock clock = Clock.systemUTC();
    ServiceMain.Identity identity = ServiceMain.identity(settings, "catalog", clock);
    HikariDataSource db = ServiceMain.database(settings, "catalog");
    Metrics metrics = new Metrics();
    Api api = ServiceMain.api(settings, metrics, identity);
    boolean outbox = features.stream().anyMatch(OwnerFeature::usesOutbox);
    ProductStore store = new ProductStore(db, outbox);
    api.health(store::ping);
    new CatalogApi(store).register(api, settings.string("lab-mode", "off").equals("on"));
    String host = settings.string("host", "127.0.0.1");
    List<OutboxSink> sinks = new ArrayList<>();
    Duration watermarks = null;
    for (OwnerFeature feature : features) {
      OwnerFeature.Started started =
          feature.start(
              new OwnerFeature.Context(settings, db, store, api, metrics, host, identity));
      sinks.addAll(started.sinks());
      Duration interval = started.watermarkInterval();
      if (interval != null && (watermarks == null || interval.compareTo(watermarks) < 0)) {
        watermarks = interval;
      }
    }
    if (!sinks.isEmpty()) {
      new OutboxRelay(db, sinks, Duration.ofSeconds(5), watermarks).start();
    }
    return api.start(host, settings.integer("port", 8081));
  }
}
