package io.interservice.checkout.technique;

import io.interservice.access.Read;
import io.interservice.access.Source;
import io.interservice.access.jdbc.JdbcReads;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * The data domain: catalog's published function {@code catalog_published.lock_prices}, called in
 * the order's own transaction. It reads through catalog's published view (so renames inside
 * catalog's schema do not break it) and locks the rows until the order commits.
 */
final class PublishedPrices implements Pricing.Locker {
  private static final String SQL =
      "SELECT sku, price, currency, version, as_of FROM catalog_published.lock_prices(?)";

  @Override
  public Read.Found<String, Price> lock(Connection c, Set<String> skus) throws SQLException {
    return JdbcReads.read(
        c, SQL, skus, Duration.ofSeconds(5), r -> PriceBodies.fromRow(r, Source.of("data-domain")));
  }
}
