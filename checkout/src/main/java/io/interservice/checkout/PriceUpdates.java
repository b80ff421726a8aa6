package io.interservice.checkout;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.interservice.access.push.LocalCopy;
import io.interservice.service.Api;
import io.interservice.service.Json;
import io.interservice.service.Problem;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /price-updates}: where catalog pushes price changes. Only deliveries signed with this
 * subscription's secret are accepted (401 otherwise); each is applied by version.
 */
final class PriceUpdates {
  private record Update(
      @Nullable String sku,
      @Nullable Long price,
      @Nullable String currency,
      @Nullable Long version,
      @Nullable Instant changedAt) {}

  private final LocalCopy<Price> prices;
  private volatile @Nullable Subscription subscription;

  PriceUpdates(LocalCopy<Price> prices) {
    this.prices = prices;
  }

  void subscribe(Subscription s) {
    subscription = s;
  }

  void register(Api api) {
    api.route(Method.POST, "/price-updates", this::receive);
  }

  private void receive(ServerRequest req, ServerResponse res) {
    byte[] body = Api.body(req, Api.DEFAULT_MAX_BODY);
    Subscription s = subscription;
    String subscriber = req.headers().first(HeaderNames.create("Subscriber-Id")).orElse(null);
    String signature = req.headers().first(HeaderNames.create("Signature")).orElse(null);
    if (s == null || !s.authentic(subscriber, signature, body)) {
      throw Problem.of(
              401,
              "unauthenticated",
              "Unauthenticated",
              "price updates must be signed by catalog for this subscription")
          .with("field", "Signature")
          .toException();
    }
    Update u = Json.parse(body, Update.class);
    if (u.sku() == null
        || u.price() == null
        || u.currency() == null
        || u.version() == null
        || u.changedAt() == null) {
      throw Problem.invalid("body", "an update needs sku, price, currency, version and changedAt")
          .toException();
    }
    prices.apply(u.sku(), new Price(u.price(), u.currency()), u.version(), u.changedAt());
    res.status(204);
    res.send();
  }
}
