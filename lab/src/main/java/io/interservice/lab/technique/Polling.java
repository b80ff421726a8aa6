package io.interservice.lab.technique;

import java.util.List;
import java.util.Set;

/** {@code polling}: asynchronous request-reply, 202 Accepted and polling for the quote. */
final class Polling implements Technique {
  @Override
  public String name() {
    return "polling";
  }

  @Override
  public String summary() {
    return "POST /price-quotes; 200 at once or 202 + Location + Retry-After, polled until done";
  }

  @Override
  public List<String> checkoutArgs(Owner owner) {
    return List.of("--technique", "polling", "--catalog-url", owner.http().toString());
  }

  @Override
  public Set<String> ownerEndpoints() {
    return Set.of("POST /price-quotes", "GET /price-quotes/{id}");
  }

  @Override
  public List<String> catalogFeatures() {
    return List.of("quotes");
  }

  @Override
  public MovingParts movingParts() {
    return new MovingParts(
        2,
        List.of("postgresql"),
        List.of("POST /price-quotes", "GET /price-quotes/{id}"),
        List.of());
  }

  @Override
  public List<String> sources() {
    return List.of(
        "owner/src/main/java/io/interservice/owner/quotes/QuoteBoard.java",
        "access/src/main/java/io/interservice/access/http/QuotePolling.java",
        "access/src/main/java/io/interservice/access/http/HttpExchange.java",
        "checkout/src/main/java/io/interservice/checkout/technique/PooledExchange.java",
        "catalog/src/main/java/io/interservice/catalog/QuotesFeature.java",
        "checkout/src/main/java/io/interservice/checkout/technique/Polling.java");
  }
}
