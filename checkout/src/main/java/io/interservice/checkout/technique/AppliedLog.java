package io.interservice.checkout.technique;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * When each pushed version was applied, in checkout's {@code price_replica_applied} (the table the
 * event replica logs to), so that propagation from catalog can be audited for push too.
 */
final class AppliedLog {
  private final DataSource db;

  AppliedLog(DataSource db) {
    this.db = db;
  }

  /** Version {@code version} of {@code key} was applied now. */
  void record(String key, long version) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO price_replica_applied (key, version, applied_at)"
                    + " VALUES (?, ?, clock_timestamp()) ON CONFLICT DO NOTHING")) {
      s.setString(1, key);
      s.setLong(2, version);
      s.executeUpdate();
    }
  }
}
