package io.interservice.catalog;

import java.time.Instant;

/** A product as catalog serves it; {@code price} is in minor units of {@code currency}. */
record Product(
    String sku, String name, long price, String currency, long version, Instant updatedAt) {}
