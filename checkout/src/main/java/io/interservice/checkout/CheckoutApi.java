package io.interservice.checkout;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.interservice.service.Api;
import io.interservice.service.Problem;
import io.interservice.service.ProblemException;
import io.interservice.service.identity.Scopes;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Checkout's HTTP API; the routes are listed in {@code docs/api.md}. */
final class CheckoutApi {
  private static final int MAX_KEY_LENGTH = 255;

  private final Checkout checkout;

  CheckoutApi(Checkout checkout) {
    this.checkout = checkout;
  }

  void register(Api api) {
    api.route(Method.POST, "/orders", Scopes.ORDERS, this::place)
        .route(Method.GET, "/orders/{id}", Scopes.ORDERS, this::find);
  }

  private void place(ServerRequest req, ServerResponse res) throws SQLException {
    String key = idempotencyKey(req);
    OrderRequest request = OrderRequest.parse(Api.body(req, Api.DEFAULT_MAX_BODY));
    Checkout.Placed placed;
    try {
      placed = checkout.place(Api.caller(req).subject(), request, key);
    } catch (ProblemException e) {
      Object retry = e.problem().extensions().get("retryAfterSeconds");
      if (retry != null) {
        res.header(HeaderNames.RETRY_AFTER, retry.toString());
      }
      throw e;
    }
    res.header(HeaderNames.LOCATION, "/orders/" + placed.order().id());
    if (placed.replayed()) {
      res.header("Idempotent-Replayed", "true");
    }
    int status = placed.replayed() ? 200 : placed.order().status().equals("PENDING") ? 202 : 201;
    Api.sendJson(res, status, placed.order());
  }

  private void find(ServerRequest req, ServerResponse res) throws SQLException {
    String raw = req.path().pathParameters().get("id");
    UUID id;
    try {
      id = UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("id", "'" + raw + "' is not an order id (a UUID)").toException();
    }
    Optional<Order> order = checkout.find(Api.caller(req).subject(), id);
    if (order.isEmpty()) {
      throw Problem.of(404, "unknown-order", "Unknown order", "no order with id " + id)
          .toException();
    }
    Api.sendJson(res, 200, order.get());
  }

  private static @Nullable String idempotencyKey(ServerRequest req) {
    Optional<String> key = req.headers().first(HeaderNames.create("Idempotency-Key"));
    if (key.isEmpty()) {
      return null;
    }
    String k = key.get();
    if (k.isEmpty()
        || k.length() > MAX_KEY_LENGTH
        || !k.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw Problem.invalid(
              "Idempotency-Key",
              "the Idempotency-Key header must be 1 to "
                  + MAX_KEY_LENGTH
                  + " visible ASCII characters")
          .toException();
    }
    return k;
  }
}
