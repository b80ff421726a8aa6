package io.interservice.catalog;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.interservice.access.push.Buckets;
import io.interservice.owner.push.Pusher;
import io.interservice.owner.push.Subscriber;
import io.interservice.owner.quotes.QuoteBoard;
import io.interservice.service.Api;
import io.interservice.service.Problem;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Catalog's HTTP API; the routes are listed in {@code docs/api.md}. */
final class CatalogApi {
  static final int MAX_SKUS = 100;

  private static final Duration QUOTE_PATIENCE = Duration.ofMillis(25);

  private final ProductStore store;
  private final Faults faults;
  private final QuoteBoard<Prices> quotes;
  private final Pusher push;

  CatalogApi(ProductStore store, Faults faults, QuoteBoard<Prices> quotes, Pusher push) {
    this.store = store;
    this.faults = faults;
    this.quotes = quotes;
    this.push = push;
  }

  void register(Api api) {
    api.health(store::ping)
        .route(Method.GET, "/products/{sku}", this::product)
        .route(Method.GET, "/prices", this::prices)
        .route(Method.POST, "/subscribers", this::subscribe)
        .route(Method.GET, "/snapshot", this::snapshot)
        .route(Method.GET, "/checksums", this::checksums)
        .route(Method.GET, "/admin/deliveries", this::deliveries)
        .route(Method.POST, "/price-quotes", this::startQuote)
        .route(Method.GET, "/price-quotes/{id}", this::quote)
        .route(Method.PUT, "/products/{sku}/price", this::changePrice)
        .route(Method.POST, "/products", this::createProducts)
        .route(Method.PUT, "/admin/faults", this::setFaults)
        .route(Method.POST, "/admin/schema-change", this::changeSchema);
  }

  private void product(ServerRequest req, ServerResponse res) throws Exception {
    faults.apply();
    String sku = Requests.sku("sku", req.path().pathParameters().get("sku"));
    Product product =
        store
            .find(sku)
            .orElseThrow(() ->
                Problem.of(404, "unknown-sku", "Unknown sku", "no product with sku '" + sku + "'")
                    .with("sku", sku)
                    .toException());
    Api.sendJson(res, 200, product);
  }

  private void prices(ServerRequest req, ServerResponse res) throws Exception {
    faults.apply();
    for (String name : req.query().names()) {
      if (!name.equals("sku")) {
        throw Problem.invalid(
                name, "unknown query parameter '" + name + "'; only 'sku' is accepted")
            .toException();
      }
    }
    List<String> asked = req.query().contains("sku") ? req.query().all("sku") : List.of();
    if (asked.isEmpty() || asked.size() > MAX_SKUS) {
      throw Problem.invalid(
              "sku", "give 1 to " + MAX_SKUS + " 'sku' parameters, got " + asked.size())
          .toException();
    }
    Set<String> skus = new LinkedHashSet<>();
    for (String sku : asked) {
      skus.add(Requests.sku("sku", sku));
    }
    List<PriceQuote> quotes = store.prices(skus);
    Set<String> unknown = new LinkedHashSet<>(skus);
    Set<String> found = new HashSet<>();
    for (PriceQuote q : quotes) {
      found.add(q.sku());
    }
    unknown.removeAll(found);
    Api.sendJson(res, 200, new Prices(quotes, new ArrayList<>(unknown)));
  }

  private void subscribe(ServerRequest req, ServerResponse res) throws SQLException {
    Requests.Subscription s = Requests.subscription(Api.body(req, Api.DEFAULT_MAX_BODY));
    Subscriber subscriber = push.register(s.name(), s.callbackUrl());
    res.header(HeaderNames.LOCATION, "/subscribers/" + subscriber.id());
    Api.sendJson(res, 201, subscriber);
  }

  /**
   * Every product's price, or those of one reconciliation bucket ({@code bucket}, {@code buckets}).
   */
  private void snapshot(ServerRequest req, ServerResponse res) throws Exception {
    faults.apply();
    List<PriceQuote> all = store.all();
    if (req.query().contains("bucket")) {
      int buckets = intParam(req, "buckets", 1, 1024);
      int bucket = intParam(req, "bucket", 0, buckets - 1);
      all = all.stream().filter(q -> Buckets.of(q.sku(), buckets) == bucket).toList();
    }
    Api.sendJson(res, 200, Map.of("prices", all));
  }

  private void checksums(ServerRequest req, ServerResponse res) throws Exception {
    faults.apply();
    int buckets = intParam(req, "buckets", 1, 1024);
    long[][] sums =
        Buckets.sums(
            store.all().stream().map(q -> Map.entry(q.sku(), q.version())).toList(), buckets);
    List<Map<String, Long>> list = new ArrayList<>(buckets);
    for (int b = 0; b < buckets; b++) {
      list.add(Map.of("bucket", (long) b, "count", sums[b][0], "checksum", sums[b][1]));
    }
    Api.sendJson(res, 200, Map.of("buckets", list));
  }

  private void deliveries(ServerRequest req, ServerResponse res) throws SQLException {
    Api.sendJson(res, 200, push.counts());
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

  private void startQuote(ServerRequest req, ServerResponse res) throws Exception {
    List<String> skus = Requests.quote(Api.body(req, Api.DEFAULT_MAX_BODY), MAX_SKUS);
    answer(res, quotes.start(() -> pricesOf(skus), QUOTE_PATIENCE));
  }

  private void quote(ServerRequest req, ServerResponse res) {
    String raw = req.path().pathParameters().get("id");
    UUID id;
    try {
      id = UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("id", "'" + raw + "' is not a quote id (a UUID)").toException();
    }
    answer(
        res,
        quotes
            .find(id)
            .orElseThrow(() ->
                Problem.of(
                        404,
                        "unknown-quote",
                        "Unknown quote",
                        "no quote " + id + " (quotes do not survive a restart)")
                    .toException()));
  }

  private static void answer(ServerResponse res, QuoteBoard.State<Prices> state) {
    switch (state) {
      case QuoteBoard.State.Done<Prices> done ->
          Api.sendJson(
              res, 200, new Quote(done.id(), done.result().prices(), done.result().unknown()));
      case QuoteBoard.State.Pending<Prices> pending -> {
        res.header(HeaderNames.LOCATION, "/price-quotes/" + pending.id());
        res.header(HeaderNames.RETRY_AFTER, "1");
        Api.sendJson(res, 202, Map.of("id", pending.id().toString(), "status", "pending"));
      }
      case QuoteBoard.State.Gone<Prices> gone ->
          Api.sendProblem(
              res,
              Problem.of(410, "quote-expired", "Quote expired", "quote " + gone.id() + " expired"));
    }
  }

  /** The body of a done price quote. */
  record Quote(UUID id, List<PriceQuote> prices, List<String> unknown) {}

  /** The prices of {@code skus} as they are now; the faults apply (quotes can be made slow). */
  private Prices pricesOf(List<String> skus) throws Exception {
    faults.apply();
    List<PriceQuote> quotes = store.prices(skus);
    Set<String> unknown = new LinkedHashSet<>(skus);
    quotes.forEach(q -> unknown.remove(q.sku()));
    return new Prices(quotes, List.copyOf(unknown));
  }

  /** The body of {@code GET /prices}. */
  record Prices(List<PriceQuote> prices, List<String> unknown) {}

  private void changePrice(ServerRequest req, ServerResponse res) throws Exception {
    String sku = Requests.sku("sku", req.path().pathParameters().get("sku"));
    Requests.PriceChange change = Requests.priceChange(Api.body(req, Api.DEFAULT_MAX_BODY));
    Product product =
        store
            .changePrice(sku, change.price(), change.currency())
            .orElseThrow(() ->
                Problem.of(404, "unknown-sku", "Unknown sku", "no product with sku '" + sku + "'")
                    .with("sku", sku)
                    .toException());
    Api.sendJson(res, 200, product);
  }

  private void createProducts(ServerRequest req, ServerResponse res) throws Exception {
    List<NewProduct> products = Requests.bulk(Api.body(req, 4 * 1024 * 1024));
    List<String> existing = store.createAll(products);
    Api.sendJson(
        res, 200, Map.of("created", products.size() - existing.size(), "existing", existing));
  }

  private void changeSchema(ServerRequest req, ServerResponse res) throws SQLException {
    store.renamePriceColumn();
    Api.sendJson(
        res, 200, Map.of("applied", "rename products.price", "priceColumn", store.priceColumn()));
  }

  private void setFaults(ServerRequest req, ServerResponse res) {
    Faults.Setting setting = Faults.parse(Api.body(req, Api.DEFAULT_MAX_BODY));
    faults.set(Duration.ofMillis(setting.latencyMs()));
    Api.sendJson(res, 200, setting);
  }
}
