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

/** How catalog's answers become a read: its JSON bodies over HTTP, or its rows over SQL. */
final class PriceBodies {
  /** Tolerant of fields it does not know, so that catalog may add some. */
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private record PriceBody(String sku, long price, String currency, long version, Instant asOf) {}

  /** {@code {"prices":[{sku, price, currency, version, asOf}], "unknown":[...]}}. */
  private record PricesBody(List<PriceBody> prices, List<String> unknown) {}

  private PriceBodies() {}

  /** A body of {@code GET /prices} or of a done price quote, read from the owner. */
  static Read.Found<String, Price> fromJson(byte[] body) throws IOException {
    PricesBody prices = MAPPER.readValue(body, PricesBody.class);
    Map<String, Versioned<Price>> found = new HashMap<>();
    for (PriceBody p : prices.prices()) {
      found.put(
          p.sku(),
          new Versioned<>(
              new Price(p.price(), p.currency()), Provenance.fromOwner(p.version(), p.asOf())));
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
