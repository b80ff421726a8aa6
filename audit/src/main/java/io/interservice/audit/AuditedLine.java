package io.interservice.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One order line as the consumer stored it, with its order's commit instant and where its price
 * came from (the provenance's source).
 */
public record AuditedLine(
    UUID orderId,
    String sku,
    long priceVersion,
    long unitPrice,
    String currency,
    Instant committedAt,
    String source) {

  /** A line whose source does not matter. */
  public AuditedLine(
      UUID orderId,
      String sku,
      long priceVersion,
      long unitPrice,
      String currency,
      Instant committedAt) {
    this(orderId, sku, priceVersion, unitPrice, currency, committedAt, "unknown");
  }
}
