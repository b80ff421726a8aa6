package io.interservice.checkout;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.webserver.WebServer;
import io.interservice.checkout.technique.Pricing;
import io.interservice.checkout.technique.Technique;
import io.interservice.checkout.technique.Techniques;
import io.interservice.protocol.Credentials;
import io.interservice.service.Api;
import io.interservice.service.Metrics;
import io.interservice.service.ServiceMain;
import io.interservice.service.Settings;
import io.interservice.service.identity.Scopes;
import io.interservice.service.identity.ServiceCredentials;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Starts checkout. Flags (or {@code CHECKOUT_*} environment variables): those of every service,
 * {@code --technique} (see {@link Techniques}, and its default), {@code --warm-up-orders} (times
 * checkout rehearses its order path, committing nothing, before it listens: 300 by default, 0 for
 * none) and the flags of that technique.
 */
public final class CheckoutMain {
  private CheckoutMain() {}

  /** Starts checkout and returns at once; the server runs until the JVM stops. */
  public static void main(String[] args) {
    ServiceMain.run("checkout", args, CheckoutMain::flags, CheckoutMain::start);
  }

  private static Set<String> flags(Settings settings) {
    Set<String> flags = new HashSet<>(ServiceMain.commonFlags("technique", "warm-up-orders"));
    flags.addAll(technique(settings).flags());
    return flags;
  }

  private static Technique technique(Settings settings) {
    return Techniques.named(settings.string("technique", Techniques.DEFAULT));
  }

  /**
   * The reader's own counts as {@code interservice_reader_*_total{owner="catalog"}}: requests it
   * sent to catalog (retries included), retries, reads refused by its breaker or bulkhead, reads it
   * answered unavailable. Counted on checkout's side, they hold while catalog is down.
   */
  private static void readerMeters(
      io.interservice.access.Reader<?, ?> reader, io.micrometer.core.instrument.MeterRegistry r) {
    java.util.Map<String, java.util.function.ToDoubleFunction<io.interservice.access.Reader<?, ?>>>
        counts =
            java.util.Map.of(
                "interservice.reader.owner.calls", x -> x.stats().ownerCalls(),
                "interservice.reader.retries", x -> x.stats().retries(),
                "interservice.reader.rejected", x -> x.stats().rejected(),
                "interservice.reader.unavailable", x -> x.stats().unavailable());
    counts.forEach((name, f) ->
        io.micrometer.core.instrument.FunctionCounter.builder(name, reader, f)
            .tag("owner", "catalog")
            .register(r));
  }

  static WebServer start(Settings settings) throws Exception {
    Clock clock = Clock.systemUTC();
    ServiceMain.Identity identity = ServiceMain.identity(settings, "checkout", clock);
    HikariDataSource db = ServiceMain.database(settings, "checkout");
    OrderStore store = new OrderStore(db);
    Api api = ServiceMain.api(settings, new Metrics(), identity);
    Credentials credentials =
        new ServiceCredentials(
            identity.signer(), Set.of(Scopes.PRICES_READ, Scopes.PRICES_SUBSCRIBE), clock);
    Pricing pricing =
        technique(settings).start(new Technique.Context(settings, api, db, credentials));
    if (pricing instanceof Pricing.BeforeTransaction before) {
      readerMeters(before.reader(), api.metrics().registry());
    }
    api.health(() -> {
      store.ping();
      if (!pricing.ready()) {
        throw new IllegalStateException("the technique cannot price orders yet");
      }
    });
    Checkout checkout = new Checkout(pricing, store, UUID::randomUUID, clock);
    new CheckoutApi(checkout).register(api);
    int rehearsals = settings.integer("warm-up-orders", 300);
    if (rehearsals < 0) {
      throw new IllegalArgumentException("--warm-up-orders must be 0 or more, was " + rehearsals);
    }
    Rehearsals.run(checkout, rehearsals, Duration.ofSeconds(10));
    WebServer server =
        api.start(settings.string("host", "127.0.0.1"), settings.integer("port", 8082));
    checkout.startSettling(Duration.ofMillis(250));
    return server;
  }
}
