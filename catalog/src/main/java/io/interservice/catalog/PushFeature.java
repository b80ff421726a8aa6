package io.interservice.catalog;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.interservice.owner.push.Deliverer;
import io.interservice.owner.push.PushConfig;
import io.interservice.owner.push.PushSink;
import io.interservice.owner.push.Subscriber;
import io.interservice.owner.push.Subscribers;
import io.interservice.protocol.Buckets;
import io.interservice.service.Api;
import io.interservice.service.Problem;
import io.interservice.service.identity.Scopes;
import io.interservice.service.identity.ServiceCredentials;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code push}: subscribers register ({@code POST /subscribers}), load {@code GET /snapshot},
 * compare {@code GET /checksums}, and are sent every committed price change through the outbox;
 * {@code GET /admin/deliveries} counts the deliveries by status.
 */
final class PushFeature implements OwnerFeature {
  static final int MAX_PAGE = 5000;

  @Override
  public String name() {
    return "push";
  }

  @Override
  public Set<String> flags() {
    return Set.of("push-max-backoff", "push-max-attempts", "push-callbacks");
  }

  @Override
  public boolean usesOutbox() {
    return true;
  }

  @Override
  public Started start(Context context) {
    Deliverer deliverer =
        new Deliverer(
            context.db(),
            new PushConfig(
                Duration.ofMillis(100),
                context.settings().duration("push-max-backoff", Duration.ofSeconds(5)),
                context.settings().integer("push-max-attempts", 10),
                Duration.ofSeconds(2)),
            new ServiceCredentials(
                context.identity().signer(), Set.of(Scopes.PRICES_PUSH), Clock.systemUTC()),
            new SplittableRandom());
    Subscribers subscribers = new Subscribers(context.db(), deliverer::wake);
    Callbacks callbacks = Callbacks.parse(context.settings().required("push-callbacks"));
    ProductStore store = context.store();
    context
        .api()
        .route(
            Method.POST,
            "/subscribers",
            Scopes.PRICES_SUBSCRIBE,
            (req, res) -> subscribe(req, res, subscribers, callbacks))
        .route(
            Method.GET,
            "/snapshot",
            Scopes.PRICES_SUBSCRIBE,
            (req, res) -> snapshot(req, res, store))
        .route(
            Method.GET,
            "/checksums",
            Scopes.PRICES_SUBSCRIBE,
            (req, res) -> checksums(req, res, store))
        .route(
            Method.GET,
            "/admin/deliveries",
            Scopes.CATALOG_ADMIN,
            (req, res) -> Api.sendJson(res, 200, deliverer.counts()));
    deliverer.start();
    return new Started(
        List.of(new PushSink(ProductStore.PRICES_TOPIC, deliverer::wake)), deliverer);
  }

  /** The digest of a price that checksums include; checkout computes it alike. */
  static long digest(long price, String currency) {
    return Buckets.digest(price + " " + currency.trim());
  }

  /**
   * Registers the caller, under its own name only, with a callback on the operator's allowlist:
   * nobody can take another's pushes or point catalog at a URL it was not told to call.
   */
  private static void subscribe(
      ServerRequest req, ServerResponse res, Subscribers subscribers, Callbacks callbacks)
      throws Exception {
    Requests.Subscription s = Requests.subscription(Api.body(req, Api.DEFAULT_MAX_BODY));
    String caller = Api.caller(req).subject();
    if (!s.name().equals(caller)) {
      throw Problem.of(
              403,
              "forbidden",
              "Forbidden",
              caller + " may subscribe only under its own name, not as '" + s.name() + "'")
          .with("field", "name")
          .toException();
    }
    callbacks.check(s.callbackUrl());
    Subscriber subscriber = subscribers.register(s.name(), s.callbackUrl());
    res.header(HeaderNames.LOCATION, "/subscribers/" + subscriber.id());
    Api.sendJson(res, 201, subscriber);
  }

  /**
   * A page of the prices: up to {@code limit} (at most {@value #MAX_PAGE}) after sku {@code after},
   * in sku order; or those of one reconciliation bucket ({@code bucket} of {@code buckets}, at
   * least 16 so that a bucket stays a page's size).
   */
  private static void snapshot(ServerRequest req, ServerResponse res, ProductStore store)
      throws Exception {
    List<PriceQuote> prices;
    if (req.query().contains("bucket")) {
      int buckets = intParam(req, "buckets", 16, 1024);
      int bucket = intParam(req, "bucket", 0, buckets - 1);
      prices = store.all().stream().filter(q -> Buckets.of(q.sku(), buckets) == bucket).toList();
    } else {
      int limit = intParam(req, "limit", 1, MAX_PAGE);
      String after = req.query().contains("after") ? req.query().get("after") : "";
      prices = store.page(after.isEmpty() ? "" : Requests.sku("after", after), limit);
    }
    Api.sendJson(res, 200, Map.of("prices", prices));
  }

  private static void checksums(ServerRequest req, ServerResponse res, ProductStore store)
      throws Exception {
    int buckets = intParam(req, "buckets", 1, 1024);
    Buckets.Sums sums = new Buckets.Sums(buckets);
    for (PriceQuote q : store.all()) {
      sums.add(q.sku(), q.version(), digest(q.price(), q.currency()));
    }
    List<Map<String, Long>> list = new ArrayList<>(buckets);
    for (int b = 0; b < buckets; b++) {
      list.add(Map.of("bucket", (long) b, "count", sums.count(b), "checksum", sums.checksum(b)));
    }
    Api.sendJson(res, 200, Map.of("buckets", list));
  }

  private static int intParam(ServerRequest req, String name, int min, int max) {
    String raw = req.query().contains(name) ? req.query().get(name) : "";
    try {
      int v = Integer.parseInt(raw);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw Problem.invalid(
            name,
            "'" + name + "' must be an integer from " + min + " to " + max + ", was '" + raw + "'")
        .toException();
  }
}
