package io.interservice.catalog;

import io.interservice.service.Currencies;
import io.interservice.service.Json;
import io.interservice.service.Problem;
import io.interservice.service.Skus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Catalog's request bodies, parsed strictly and validated; every error names its field. */
final class Requests {
  static final long MAX_PRICE = 1_000_000_000_000L;
  static final int MAX_BULK = 10_000;

  /** {@code PUT /products/{sku}/price}. */
  record PriceChange(@Nullable Long price, @Nullable String currency) {}

  /** {@code POST /price-quotes}. */
  record QuoteRequest(@Nullable List<@Nullable String> skus) {}

  /** {@code POST /subscribers}. */
  record Subscription(@Nullable String name, @Nullable String callbackUrl) {}

  /** {@code POST /products}. */
  record Bulk(@Nullable List<ProductBody> products) {}

  /** One product of {@link Bulk}. */
  record ProductBody(
      @Nullable String sku,
      @Nullable String name,
      @Nullable Long price,
      @Nullable String currency) {}

  private Requests() {}

  static PriceChange priceChange(byte[] body) {
    PriceChange change = Json.parse(body, PriceChange.class);
    price("price", change.price());
    currency("currency", change.currency());
    return change;
  }

  static List<String> quote(byte[] body, int max) {
    List<@Nullable String> skus = Json.parse(body, QuoteRequest.class).skus();
    if (skus == null || skus.isEmpty() || skus.size() > max) {
      throw Problem.invalid("skus", "'skus' must list 1 to " + max + " skus").toException();
    }
    Set<String> distinct = new java.util.LinkedHashSet<>();
    for (int i = 0; i < skus.size(); i++) {
      distinct.add(sku("skus[" + i + "]", skus.get(i)));
    }
    return List.copyOf(distinct);
  }

  static Subscription subscription(byte[] body) {
    Subscription s = Json.parse(body, Subscription.class);
    if (s.name() == null || !s.name().matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw Problem.invalid("name", "'name' must be 1-64 of a-z, 0-9 and '-'").toException();
    }
    String url = s.callbackUrl();
    try {
      java.net.URI uri = new java.net.URI(url == null ? "" : url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new java.net.URISyntaxException(String.valueOf(url), "not an http(s) URL");
      }
    } catch (java.net.URISyntaxException e) {
      throw Problem.invalid("callbackUrl", "'callbackUrl' must be an http(s) URL, was " + url)
          .toException();
    }
    return s;
  }

  static List<NewProduct> bulk(byte[] body) {
    Bulk bulk = Json.parse(body, Bulk.class);
    List<ProductBody> products = bulk.products();
    if (products == null || products.isEmpty()) {
      throw Problem.invalid("products", "'products' must list 1 to " + MAX_BULK + " products")
          .toException();
    }
    if (products.size() > MAX_BULK) {
      throw Problem.invalid(
              "products", "at most " + MAX_BULK + " products per request, got " + products.size())
          .toException();
    }
    List<NewProduct> result = new ArrayList<>(products.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < products.size(); i++) {
      ProductBody p = products.get(i);
      String at = "products[" + i + "]";
      if (p == null) {
        throw Problem.invalid(at, at + " must be an object").toException();
      }
      String sku = sku(at + ".sku", p.sku());
      if (!seen.add(sku)) {
        throw Problem.invalid(at + ".sku", "sku '" + sku + "' appears twice").toException();
      }
      String name = p.name();
      if (name == null || name.isBlank() || name.length() > 200) {
        throw Problem.invalid(at + ".name", at + ".name must be 1 to 200 characters").toException();
      }
      result.add(
          new NewProduct(
              sku,
              name,
              price(at + ".price", p.price()),
              currency(at + ".currency", p.currency())));
    }
    return result;
  }

  static String sku(String field, @Nullable String sku) {
    if (sku == null || !Skus.valid(sku)) {
      throw Problem.invalid(
              field,
              "'"
                  + field
                  + "' must be 1-64 letters, digits, '.', '_' or '-', was "
                  + (sku == null ? "missing" : "'" + sku + "'"))
          .toException();
    }
    return sku;
  }

  private static long price(String field, @Nullable Long price) {
    if (price == null || price < 0 || price > MAX_PRICE) {
      throw Problem.invalid(
              field,
              "'" + field + "' must be an integer number of minor units from 0 to " + MAX_PRICE)
          .toException();
    }
    return price;
  }

  private static String currency(String field, @Nullable String currency) {
    if (!Currencies.valid(currency)) {
      throw Problem.invalid(
              field,
              "'"
                  + field
                  + "' must be an ISO-4217 currency code such as USD, was "
                  + (currency == null ? "missing" : "'" + currency + "'"))
          .toException();
    }
    return currency;
  }
}
