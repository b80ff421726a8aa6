package io.interservice.catalog;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.interservice.owner.quotes.QuoteBoard;
import io.interservice.service.Api;
import io.interservice.service.Problem;
import io.interservice.service.identity.Scopes;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code quotes}: asynchronous request-reply. {@code POST /price-quotes} answers {@code 200} when
 * the quote is ready within 25 ms, else {@code 202} with {@code Location} and {@code Retry-After};
 * {@code GET /price-quotes/{id}} polls. At most {@code --quote-queue} quotes wait for one of {@code
 * --quote-workers}; past that, {@code 503} with {@code Retry-After}.
 */
final class QuotesFeature implements OwnerFeature {
  private static final Duration PATIENCE = Duration.ofMillis(25);

  /** The body of a done price quote. */
  record Quote(UUID id, List<PriceQuote> prices, List<String> unknown) {}

  @Override
  public String name() {
    return "quotes";
  }

  @Override
  public Set<String> flags() {
    return Set.of("quote-workers", "quote-queue");
  }

  @Override
  public Started start(Context context) {
    QuoteBoard<CatalogApi.Prices> board =
        new QuoteBoard<>(
            context.settings().integer("quote-workers", 4),
            context.settings().integer("quote-queue", 1000),
            InstantSource.system(),
            Duration.ofSeconds(60));
    ProductStore store = context.store();
    context
        .api()
        .route(
            Method.POST,
            "/price-quotes",
            Scopes.PRICES_READ,
            (req, res) -> startQuote(req, res, board, store))
        .route(
            Method.GET,
            "/price-quotes/{id}",
            Scopes.PRICES_READ,
            (req, res) -> quote(req, res, board));
    return new Started(List.of(), board);
  }

  private static void startQuote(
      ServerRequest req,
      ServerResponse res,
      QuoteBoard<CatalogApi.Prices> board,
      ProductStore store)
      throws Exception {
    List<String> skus = Requests.quote(Api.body(req, Api.DEFAULT_MAX_BODY), CatalogApi.MAX_SKUS);
    try {
      answer(res, board.start(() -> CatalogApi.Prices.of(store, skus), PATIENCE));
    } catch (QuoteBoard.BusyException e) {
      res.header(HeaderNames.RETRY_AFTER, "1");
      throw Problem.of(503, "busy", "Busy", e.getMessage()).toException();
    }
  }

  private static void quote(
      ServerRequest req, ServerResponse res, QuoteBoard<CatalogApi.Prices> board) {
    String raw = req.path().pathParameters().get("id");
    UUID id;
    try {
      id = UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("id", "'" + raw + "' is not a quote id (a UUID)").toException();
    }
    answer(
        res,
        board
            .find(id)
            .orElseThrow(() ->
                Problem.of(
                        404,
                        "unknown-quote",
                        "Unknown quote",
                        "no quote " + id + " (quotes do not survive a restart)")
                    .toException()));
  }

  private static void answer(ServerResponse res, QuoteBoard.State<CatalogApi.Prices> state) {
    switch (state) {
      case QuoteBoard.State.Done<CatalogApi.Prices> done ->
          Api.sendJson(
              res, 200, new Quote(done.id(), done.result().prices(), done.result().unknown()));
      case QuoteBoard.State.Pending<CatalogApi.Prices> pending -> {
        res.header(HeaderNames.LOCATION, "/price-quotes/" + pending.id());
        res.header(HeaderNames.RETRY_AFTER, "1");
        Api.sendJson(res, 202, Map.of("id", pending.id().toString(), "status", "pending"));
      }
      case QuoteBoard.State.Gone<CatalogApi.Prices> gone ->
          Api.sendProblem(
              res,
              Problem.of(410, "quote-expired", "Quote expired", "quote " + gone.id() + " expired"));
    }
  }
}
