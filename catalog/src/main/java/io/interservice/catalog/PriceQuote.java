package io.interservice.catalog;

import java.time.Instant;

/** A sku's current price, known current at {@code asOf} (the database's clock). */
record PriceQuote(String sku, long price, String currency, long version, Instant asOf) {}
