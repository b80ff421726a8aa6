package io.interservice.checkout.technique;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** How catalog's answers become a read: its JSON bodies over HTTP, or its rows over SQL. */
final class PriceBodies {
  /**
   * Tolerant of fields it does not know, so that catalog may add some; strict about the types of
   * those it knows (a price sent as text is not a price).
   */
  static final ObjectMapper MAPPER =
      com.fasterxml.jackson.databind.json.JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private record PriceBody(
      @Nullable String sku,
      @Nullable Long price,
      @Nullable String currency,
      @Nullable Long version,
      @Nullable Instant asOf) {}

  /** {@code {"prices":[{sku, price, currency, version, asOf}], "unknown":[...]}}. */
  private record PricesBody(
      @Nullable List<@Nullable PriceBody> prices, @Nullable List<@Nullable String> unknown) {}

  private PriceBodies() {}

  /**
   * A body of {@code GET /prices} or of a done price quote, read from the owner.
   *
   * @throws IOException when it is not a whole, valid answer: a missing or negative price, an
   *     unknown currency, a missing version or instant, a sku twice (the owner failing)
   */
  static Read.Found<String, Price> fromJson(byte[] body) throws IOException {
    PricesBody prices;
    try {
      prices = MAPPER.readValue(body, PricesBody.class);
    } catch (RuntimeException e) {
      throw new IOException("catalog's answer is not a prices body: " + e.getMessage(), e);
    }
    if (prices == null || prices.prices() == null || prices.unknown() == null) {
      throw new IOException("catalog's answer lacks 'prices' or 'unknown'");
    }
    Map<String, Versioned<Price>> found = new HashMap<>();
    for (PriceBody p : prices.prices()) {
      if (p == null
          || p.sku() == null
          || p.price() == null
          || p.currency() == null
          || p.version() == null
          || p.version() < 1
          || p.asOf() == null) {
        throw new IOException(
            "catalog answered a price without sku, price, currency, version or asOf");
      }
      Price price;
      try {
        price = new Price(p.price(), p.currency());
      } catch (IllegalArgumentException e) {
        throw new IOException("catalog answered an impossible price: " + e.getMessage(), e);
      }
      if (found.put(p.sku(), new Versioned<>(price, Provenance.fromOwner(p.version(), p.asOf())))
          != null) {
        throw new IOException("catalog answered sku " + p.sku() + " twice");
      }
    }
    if (prices.unknown().contains(null)) {
      throw new IOException("catalog answered a null unknown sku");
    }
    return new Read.Found<>(found, Set.copyOf(prices.unknown()));
  }

  /**
   * A row of (sku, price, currency, version, asOf) read from catalog's tables or its view, marked
   * with {@code source}.
   */
  static Versioned<Price> fromRow(ResultSet r, Source source) throws SQLException {
    return new Versioned<>(
        new Price(r.getLong(2), r.getString(3).trim()),
        new Provenance(r.getLong(4), r.getTimestamp(5).toInstant(), source, Duration.ZERO));
  }
}
