package io.interservice.checkout;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order as checkout stores and serves it: {@code CONFIRMED} with its priced lines, or, when
 * priced asynchronously, {@code PENDING} (no lines yet) or {@code REJECTED} with a {@code reason}.
 */
@JsonSerialize(using = OrderJson.class)
record Order(
    UUID id,
    String status,
    long total,
    @Nullable String currency,
    List<Line> lines,
    @Nullable String reason) {

  /** A confirmed order. */
  Order(UUID id, String status, long total, String currency, List<Line> lines) {
    this(id, status, total, currency, lines, null);
  }

  /** An order accepted and waiting for its prices. */
  static Order pending(UUID id) {
    return new Order(id, "PENDING", 0, null, List.of(), null);
  }

  /** A line with the price it was charged and that price's provenance. */
  record Line(
      String sku,
      int quantity,
      long unitPrice,
      String currency,
      long priceVersion,
      String source,
      Instant asOf) {}
}
