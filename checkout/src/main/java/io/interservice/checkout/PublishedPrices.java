package io.interservice.checkout;

import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
      Map<String, Versioned<Price>> found = new HashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.put(
              r.getString(1),
              new Versioned<>(
                  new Price(r.getLong(2), r.getString(3).trim()),
                  new Provenance(
                      r.getLong(4),
                      r.getTimestamp(5).toInstant(),
                      Source.SHARED_DB,
                      Duration.ZERO)));
        }
      }
      Set<String> unknown = new HashSet<>(skus);
      unknown.removeAll(found.keySet());
      return new Read.Found<>(found, unknown);
    }
  }
}
