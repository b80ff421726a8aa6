package io.interservice.access.jdbc;

import io.interservice.access.Read;
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
 * Reads values by key with one SQL query whose only parameter is the keys as a {@code text[]} (for
 * instance {@code ... WHERE sku = ANY (?)}); column 1 of each row is the key. Keys without a row
 * are unknown.
 */
public final class JdbcReads {
  private JdbcReads() {}

  /** Turns the current row into a value with its provenance. */
  @FunctionalInterface
  public interface RowMapper<V> {
    /** The value of the current row. */
    Versioned<V> map(ResultSet row) throws SQLException;
  }

  /** Runs {@code sql} for {@code keys} on {@code c}, in whatever transaction {@code c} is in. */
  public static <V> Read.Found<String, V> read(
      Connection c, String sql, Set<String> keys, Duration timeout, RowMapper<V> mapper)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
      s.setArray(1, c.createArrayOf("text", keys.toArray()));
      Map<String, Versioned<V>> found = new HashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.put(r.getString(1), mapper.map(r));
        }
      }
      Set<String> unknown = new HashSet<>(keys);
      unknown.removeAll(found.keySet());
      return new Read.Found<>(found, unknown);
    }
  }

  /** An owner call that runs {@code sql} on a connection of {@code db}, for a resilient reader. */
  public static <V> OwnerCall<String, V> ownerCall(DataSource db, String sql, RowMapper<V> mapper) {
    return (keys, timeout) -> {
      try (Connection c = db.getConnection()) {
        return read(c, sql, keys, timeout, mapper);
      }
    };
  }
}
