package io.interservice.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the owner's price history: version {@code version} of {@code sku} was the current
 * price from {@code validFrom} (inclusive) until {@code validTo} (exclusive; null while current).
 */
public record PriceVersion(
    String sku,
    long version,
    long price,
    String currency,
    Instant validFrom,
    @Nullable Instant validTo) {}
