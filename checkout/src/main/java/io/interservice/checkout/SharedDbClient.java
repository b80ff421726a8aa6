package io.interservice.checkout;

import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import io.interservice.access.spi.OwnerCall;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The shared-database anti-pattern, kept for comparison: reads catalog's own products table in the
 * database both services share, through a role granted SELECT on that table alone. Couples checkout
 * to catalog's private schema: a rename there breaks it.
 */
final class SharedDbClient implements OwnerCall<String, Price> {
  private final DataSource shared;

  SharedDbClient(DataSource shared) {
    this.shared = shared;
  }

  @Override
  public Read.Found<String, Price> fetch(Set<String> skus, Duration timeout) throws SQLException {
    try (Connection c = shared.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT sku, price, currency, version, clock_timestamp()"
                    + " FROM catalog.products WHERE sku = ANY (?)")) {
      s.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
      s.setArray(1, c.createArrayOf("text", skus.toArray()));
      Map<String, Versioned<Price>> found = new HashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.put(
              r.getString(1),
              new Versioned<>(
                  new Price(r.getLong(2), r.getString(3)),
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
