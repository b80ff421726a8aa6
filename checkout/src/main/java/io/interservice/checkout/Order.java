package io.interservice.checkout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A priced order as checkout stores and serves it. */
record Order(UUID id, String status, long total, String currency, List<Line> lines) {

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
