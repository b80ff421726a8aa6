package io.interservice.checkout.technique;

import io.interservice.service.Currencies;

/**
 * A unit price in minor units of an ISO-4217 currency, as catalog defines it: never negative, in a
 * currency that exists. Whatever catalog answers is built through here, so an answer that breaks
 * either rule is catalog failing, not a price.
 */
public record Price(long amount, String currency) {
  /**
   * Checks both rules.
   *
   * @throws IllegalArgumentException naming the one broken
   */
  public Price {
    if (amount < 0) {
      throw new IllegalArgumentException("a price is never negative, was " + amount);
    }
    if (!Currencies.valid(currency)) {
      throw new IllegalArgumentException("'" + currency + "' is not an ISO-4217 currency");
    }
  }
}
