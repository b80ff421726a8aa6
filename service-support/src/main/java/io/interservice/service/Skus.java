package io.interservice.service;

import java.util.regex.Pattern;

/** What a sku looks like: 1–64 characters, letters, digits, '.', '_' or '-', not first. */
public final class Skus {
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Skus() {}

  /** Whether {@code sku} is well formed. */
  public static boolean valid(String sku) {
    return SKU.matcher(sku).matches();
  }
}
