package io.interservice.checkout.technique;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.interservice.access.Access;
import io.interservice.access.push.PushFeed;
import io.interservice.access.replica.Replica;
import io.interservice.service.Api;
import io.interservice.service.Problem;
import io.interservice.service.Settings;
import io.interservice.service.identity.Scopes;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * {@code push}: catalog pushes every price change to {@code POST /price-updates}; checkout reads a
 * replica that the push feed bootstraps from catalog's snapshot and reconciles by checksums.
 */
final class Push implements Technique {
  @Override
  public String name() {
    return "push";
  }

  @Override
  public Set<String> flags() {
    return Set.of("catalog-url", "subscriber-name", "public-url", "reconcile-interval");
  }

  @Override
  public Pricing start(Context context) {
    Settings settings = context.settings();
    int port = settings.integer("port", 8082);
    String self = settings.string("public-url", port == 0 ? "" : "http://127.0.0.1:" + port);
    if (self.isEmpty()) {
      throw new IllegalArgumentException(
          "push needs --public-url (where catalog delivers) when --port is 0");
    }
    PushFeed<String, Price> feed =
        Access.pushFeed(
            new PushFeed.Config(
                URI.create(settings.string("catalog-url", "http://127.0.0.1:8081")),
                settings.string("subscriber-name", "checkout"),
                URI.create(self).resolve("/price-updates"),
                settings.duration("reconcile-interval", Duration.ofSeconds(10)),
                64,
                Duration.ofSeconds(10)),
            PriceCodecs.PUSH,
            context.toCatalog());
    Replica<String, Price> replica =
        Access.replica("catalog", feed).digest(PriceCodecs::digest).build();
    AppliedLog log = new AppliedLog(context.db());
    context
        .api()
        .route(
            Method.POST,
            "/price-updates",
            Scopes.PRICES_PUSH,
            (req, res) -> receive(req, res, feed, log));
    return new Pricing.BeforeTransaction(replica);
  }

  private static void receive(
      ServerRequest req, ServerResponse res, PushFeed<String, Price> feed, AppliedLog log)
      throws java.sql.SQLException {
    byte[] body = Api.body(req, Api.DEFAULT_MAX_BODY);
    String subscriber = req.headers().first(HeaderNames.create("Subscriber-Id")).orElse(null);
    String signature = req.headers().first(HeaderNames.create("Signature")).orElse(null);
    PushFeed.Received received;
    try {
      received = feed.receive(subscriber, signature, body);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("body", e.getMessage()).toException();
    }
    if (received instanceof PushFeed.Received.Unauthenticated) {
      throw Problem.of(
              401,
              "unauthenticated",
              "Unauthenticated",
              "price updates must be signed by catalog for this subscription")
          .with("field", "Signature")
          .toException();
    }
    if (received instanceof PushFeed.Received.Applied applied) {
      log.record(String.valueOf(applied.key()), applied.version());
    }
    res.status(204);
    res.send();
  }
}
