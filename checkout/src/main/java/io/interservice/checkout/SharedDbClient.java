package io.interservice.checkout;

import io.interservice.access.Read;
import io.interservice.access.spi.OwnerCall;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
      try (ResultSet r = s.executeQuery()) {
        return PriceBodies.fromRows(r, skus);
      }
    }
  }
}
