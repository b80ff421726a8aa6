package io.interservice.service;

import java.util.Currency;
import org.jspecify.annotations.Nullable;

/** What counts as a currency here: an ISO-4217 code the JDK knows, in upper case. */
public final class Currencies {
  private Currencies() {}

  /** Whether {@code code} is three upper-case letters naming an ISO-4217 currency. */
  public static boolean valid(@Nullable String code) {
    // checked by hand: every price read is checked, and a regex compiled per call cost checkout
    // 2 % of its CPU
    if (code == null || code.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = code.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
