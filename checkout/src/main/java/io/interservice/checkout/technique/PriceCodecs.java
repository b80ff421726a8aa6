package io.interservice.checkout.technique;

import com.fasterxml.jackson.databind.JsonNode;
import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import io.interservice.access.http.QuoteCodec;
import io.interservice.access.kafka.RecordCodec;
import io.interservice.access.push.PushCodec;
import io.interservice.access.spi.Change;
import io.interservice.protocol.Buckets;
import io.interservice.service.IsoInstants;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Catalog's bodies for the polling and push protocols, and the digest of a price. */
final class PriceCodecs {
  private PriceCodecs() {}

  /** The digest of a price that reconciliation checksums include; catalog computes it alike. */
  static long digest(Price price) {
    return Buckets.digest(price.amount() + " " + price.currency());
  }

  static final QuoteCodec<String, Price> QUOTES =
      new QuoteCodec<>() {
        @Override
        public byte[] request(Set<String> keys) throws IOException {
          return PriceBodies.MAPPER.writeValueAsBytes(Map.of("skus", keys));
        }

        @Override
        public Read.Found<String, Price> answer(byte[] body) throws IOException {
          return PriceBodies.fromJson(body);
        }
      };

  static final PushCodec<String, Price> PUSH =
      new PushCodec<>() {
        @Override
        public List<Change.Upsert<String, Price>> snapshot(byte[] body) throws IOException {
          JsonNode prices = PriceBodies.MAPPER.readTree(body).path("prices");
          if (!prices.isArray()) {
            throw new IOException("a snapshot needs a 'prices' array");
          }
          List<Change.Upsert<String, Price>> entries = new ArrayList<>(prices.size());
          for (JsonNode p : prices) {
            entries.add(upsert(p, "asOf"));
          }
          return entries;
        }

        @Override
        public Change<String, Price> delivery(byte[] body) throws IOException {
          return upsert(PriceBodies.MAPPER.readTree(body), "changedAt");
        }
      };

  /**
   * A value of catalog's replicated map, {@code version|price|currency|validFrom}, as a versioned
   * price; throws for anything else.
   */
  static Versioned<Price> replicated(String sku, String value) {
    String[] f = value.split("\\|", -1);
    if (f.length != 4) {
      throw new IllegalArgumentException("not version|price|currency|validFrom: " + sku);
    }
    long version = Long.parseLong(f[0]);
    long amount = Long.parseLong(f[1]);
    if (version < 1 || amount < 0) {
      throw new IllegalArgumentException("an impossible version or price for " + sku);
    }
    return new Versioned<>(
        new Price(amount, f[2]),
        new Provenance(version, IsoInstants.parse(f[3]), Source.REPLICATED_CACHE, null));
  }

  /** The replica store's text of a price: {@code "amount currency"}. */
  static String text(Price price) {
    return price.amount() + " " + price.currency();
  }

  /** A price from {@link #text}. */
  static Price fromText(String text) {
    int space = text.indexOf(' ');
    return new Price(Long.parseLong(text.substring(0, space)), text.substring(space + 1));
  }

  /**
   * A record of {@code catalog.prices}: a CloudEvent in structured JSON whose {@code data} is the
   * change ({@code sku, price, currency, version, validFrom}); other event types are not changes.
   */
  static final RecordCodec<String, Price> EVENTS =
      (key, value) -> {
        if (value == null) {
          return null; // a tombstone left by compaction
        }
        JsonNode event = PriceBodies.MAPPER.readTree(value);
        if (!"1.0".equals(event.path("specversion").asText())
            || !"io.interservice.catalog.price-changed".equals(event.path("type").asText())) {
          return null;
        }
        Change.Upsert<String, Price> change = upsert(event.path("data"), "validFrom");
        if (!change.key().equals(event.path("subject").asText())) {
          throw new IOException("the event's subject is not its data's sku");
        }
        return change;
      };

  private static Change.Upsert<String, Price> upsert(JsonNode p, String instantField)
      throws IOException {
    JsonNode sku = p.path("sku");
    JsonNode price = p.path("price");
    JsonNode currency = p.path("currency");
    JsonNode version = p.path("version");
    JsonNode at = p.path(instantField);
    if (!sku.isTextual()
        || !price.canConvertToExactIntegral()
        || !currency.isTextual()
        || !version.canConvertToExactIntegral()
        || !at.isTextual()) {
      throw new IOException(
          "a price needs sku, price, currency, version and " + instantField + " of their types");
    }
    if (price.asLong() < 0 || version.asLong() < 1) {
      throw new IOException("a price must not be negative and a version is at least 1");
    }
    try {
      return new Change.Upsert<>(
          sku.asText(),
          new Price(price.asLong(), currency.asText().trim()),
          version.asLong(),
          IsoInstants.parse(at.asText()));
    } catch (java.time.DateTimeException e) {
      throw new IOException(instantField + " is not an instant: " + at.asText(), e);
    } catch (IllegalArgumentException e) {
      throw new IOException("an impossible price: " + e.getMessage(), e);
    }
  }
}
