package io.interservice.checkout.technique;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import io.interservice.service.IsoInstants;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  private PriceBodies() {}

  /**
   * A body of {@code GET /prices} or of a done price quote, read from the owner: {@code
   * {"prices":[{sku, price, currency, version, asOf}], "unknown":[...]}}, fields it does not know
   * skipped. Read token by token, where binding it to records with Jackson's data binding (and its
   * instants through the JDK's formatter) took a fifth of checkout's CPU under {@code direct}.
   *
   * @throws IOException when it is not a whole, valid answer: a missing or negative price, an
   *     unknown currency, a missing version or instant, a value of the wrong type, a sku twice (the
   *     owner failing)
   */
  static Read.Found<String, Price> fromJson(byte[] body) throws IOException {
    return read(MAPPER.createParser(body));
  }

  /** The same body, already parsed into a tree (a reply inside a message). */
  static Read.Found<String, Price> fromTree(JsonNode body) throws IOException {
    return read(MAPPER.treeAsTokens(body));
  }

  private static Read.Found<String, Price> read(JsonParser parser) throws IOException {
    Map<String, Versioned<Price>> found = null;
    Set<String> unknown = null;
    try (JsonParser json = parser) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("catalog's answer is not a prices body: not an object");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "prices" -> found = value == JsonToken.VALUE_NULL ? null : prices(json);
          case "unknown" -> unknown = value == JsonToken.VALUE_NULL ? null : unknown(json);
          default -> json.skipChildren();
        }
      }
    } catch (RuntimeException e) {
      throw new IOException("catalog's answer is not a prices body: " + e.getMessage(), e);
    }
    if (found == null || unknown == null) {
      throw new IOException("catalog's answer lacks 'prices' or 'unknown'");
    }
    return new Read.Found<>(found, unknown);
  }

  private static Map<String, Versioned<Price>> prices(JsonParser json) throws IOException {
    expect(json, JsonToken.START_ARRAY, "prices");
    Map<String, Versioned<Price>> found = new HashMap<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      if (json.currentToken() != JsonToken.START_OBJECT) {
        throw new IOException(
            "catalog answered a price without sku, price, currency, version or asOf");
      }
      String sku = null;
      String currency = null;
      String asOf = null;
      long amount = Long.MIN_VALUE; // absent
      long version = 0;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (value == JsonToken.VALUE_NULL) {
          continue; // as if absent
        }
        switch (field) {
          case "sku" -> sku = text(json, field);
          case "currency" -> currency = text(json, field);
          case "asOf" -> asOf = text(json, field);
          case "price" -> amount = whole(json, field);
          case "version" -> version = whole(json, field);
          default -> json.skipChildren();
        }
      }
      if (sku == null
          || amount == Long.MIN_VALUE
          || currency == null
          || version < 1
          || asOf == null) {
        throw new IOException(
            "catalog answered a price without sku, price, currency, version or asOf");
      }
      Versioned<Price> price;
      try {
        price =
            new Versioned<>(
                new Price(amount, currency),
                Provenance.fromOwner(version, IsoInstants.parse(asOf)));
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new IOException("catalog answered an impossible price: " + e.getMessage(), e);
      }
      if (found.put(sku, price) != null) {
        throw new IOException("catalog answered sku " + sku + " twice");
      }
    }
    return found;
  }

  private static Set<String> unknown(JsonParser json) throws IOException {
    expect(json, JsonToken.START_ARRAY, "unknown");
    List<String> unknown = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      if (json.currentToken() != JsonToken.VALUE_STRING) {
        throw new IOException("catalog answered an unknown sku that is not a string");
      }
      unknown.add(json.getText());
    }
    return unknown.isEmpty() ? Set.of() : Set.copyOf(unknown);
  }

  private static void expect(JsonParser json, JsonToken token, String field) throws IOException {
    if (json.currentToken() != token) {
      throw new IOException("catalog's '" + field + "' is " + json.currentToken() + ", not a list");
    }
  }

  private static String text(JsonParser json, String field) throws IOException {
    if (json.currentToken() != JsonToken.VALUE_STRING) {
      throw new IOException("catalog answered a " + field + " that is not a string");
    }
    return json.getText();
  }

  /** A whole number: a price sent as text, or with a fraction, is not a price. */
  private static long whole(JsonParser json, String field) throws IOException {
    if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw new IOException("catalog answered a " + field + " that is not a whole number");
    }
    return json.getLongValue();
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
