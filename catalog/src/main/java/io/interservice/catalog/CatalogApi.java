package io.interservice.catalog;

import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.interservice.service.Api;
import io.interservice.service.Problem;
import io.interservice.service.identity.Scopes;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Catalog's core HTTP API (products, prices, price changes); the features add theirs. The routes
 * are listed in {@code docs/api.md}.
 */
final class CatalogApi {
  static final int MAX_SKUS = 100;

  private final ProductStore store;

  CatalogApi(ProductStore store) {
    this.store = store;
  }

  /** Adds the core routes; {@code labMode} adds {@code POST /admin/schema-change}. */
  void register(Api api, boolean labMode) {
    api.route(Method.GET, "/products/{sku}", Scopes.PRICES_READ, this::product)
        .route(Method.GET, "/prices", Scopes.PRICES_READ, this::prices)
        .route(Method.PUT, "/products/{sku}/price", Scopes.CATALOG_ADMIN, this::changePrice)
        .route(Method.POST, "/products", Scopes.CATALOG_ADMIN, this::createProducts);
    if (labMode) {
      api.route(Method.POST, "/admin/schema-change", Scopes.CATALOG_ADMIN, this::changeSchema);
    }
  }

  private void product(ServerRequest req, ServerResponse res) throws Exception {
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
    Api.sendJson(res, 200, Prices.of(store, skus));
  }

  /** The body of {@code GET /prices} and of a done price quote. */
  record Prices(List<PriceQuote> prices, List<String> unknown) {
    /** The current prices of {@code skus}, and those of them catalog does not know. */
    static Prices of(ProductStore store, java.util.Collection<String> skus)
        throws java.sql.SQLException {
      List<PriceQuote> quotes = store.prices(skus);
      Set<String> unknown = new LinkedHashSet<>(skus);
      quotes.forEach(q -> unknown.remove(q.sku()));
      return new Prices(quotes, List.copyOf(unknown));
    }
  }

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
}
