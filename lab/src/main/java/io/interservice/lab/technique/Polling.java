package io.interservice.lab.technique;

import java.util.List;

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
  public List<String> checkoutArgs() {
    return List.of("--technique", "polling");
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
        "checkout/src/main/java/io/interservice/checkout/QuotePollingClient.java");
  }
}
