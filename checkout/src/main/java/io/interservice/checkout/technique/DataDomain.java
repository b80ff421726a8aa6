package io.interservice.checkout.technique;

import java.util.Set;

/**
 * {@code data-domain}: catalog's published {@code lock_prices} function, called in the order's own
 * transaction, its rows locked until the order commits.
 */
final class DataDomain implements Technique {
  @Override
  public String name() {
    return "data-domain";
  }

  @Override
  public Set<String> flags() {
    return Set.of();
  }

  @Override
  public Pricing start(Context context) {
    return new Pricing.InTransaction(new PublishedPrices());
  }
}
