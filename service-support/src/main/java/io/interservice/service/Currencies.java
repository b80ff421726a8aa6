package io.interservice.service;

import java.util.Currency;
import org.jspecify.annotations.Nullable;

/** What counts as a currency here: an ISO-4217 code the JDK knows, in upper case. */
public final class Currencies {
  private Currencies() {}

  /** Whether {@code code} is three upper-case letters naming an ISO-4217 currency. */
  public static boolean valid(@Nullable String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
