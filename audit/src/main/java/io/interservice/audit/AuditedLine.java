package io.interservice.audit;

import java.time.Instant;
import java.util.UUID;

/** One order line as the consumer stored it, with its order's commit instant. */
public record AuditedLine(
    UUID orderId,
    String sku,
    long priceVersion,
    long unitPrice,
    String currency,
    Instant committedAt) {}
