package io.interservice.checkout;

import io.interservice.access.Read;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * The data domain: catalog's published function {@code catalog_published.lock_prices}, called in
 * the order's own transaction. It reads through catalog's published view (so renames inside
 * catalog's schema do not break it) and locks the rows until the order commits.
 */
final class PublishedPrices implements Pricing.Locker {

  @Override
  public Read.Found<String, Price> lock(Connection c, Set<String> skus) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT sku, price, currency, version, as_of FROM catalog_published.lock_prices(?)")) {
      s.setArray(1, c.createArrayOf("text", skus.toArray()));
      try (ResultSet r = s.executeQuery()) {
        return PriceBodies.fromRows(r, skus);
      }
    }
  }
}
