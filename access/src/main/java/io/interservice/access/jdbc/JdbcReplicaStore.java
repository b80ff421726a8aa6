package io.interservice.access.jdbc;

import io.interservice.access.spi.Change;
import io.interservice.access.spi.ReplicaStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A replica store in three tables of the reader's own PostgreSQL database, named {@code
 * <prefix>_entries}, {@code <prefix>_positions} and {@code <prefix>_applied}; values are stored as
 * text by the given codec. Every applied change is logged with when it was applied ({@code
 * clock_timestamp()}), so that propagation from the owner can be audited. Thread-safe.
 *
 * <pre>
 * CREATE TABLE p_entries   (key text PRIMARY KEY, value text, version bigint NOT NULL,
 *                           as_of timestamptz NOT NULL);            -- value null: deleted
 * CREATE TABLE p_positions (source text PRIMARY KEY, position bigint NOT NULL);
 * CREATE TABLE p_applied   (key text NOT NULL, version bigint NOT NULL,
 *                           applied_at timestamptz NOT NULL, PRIMARY KEY (key, version));
 * </pre>
 */
public final class JdbcReplicaStore<V> implements ReplicaStore<String, V> {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_.]{0,40}");

  private final DataSource db;
  private final String entries;
  private final String positions;
  private final String applied;
  private final Function<V, String> write;
  private final Function<String, V> read;

  /** A store in tables {@code prefix_*} of {@code db}. */
  public JdbcReplicaStore(
      DataSource db, String prefix, Function<V, String> write, Function<String, V> read) {
    if (!NAME.matcher(prefix).matches()) {
      throw new IllegalArgumentException("prefix must be a plain SQL name, was '" + prefix + "'");
    }
    this.db = db;
    this.entries = prefix + "_entries";
    this.positions = prefix + "_positions";
    this.applied = prefix + "_applied";
    this.write = write;
    this.read = read;
  }

  @Override
  public Loaded<String, V> load() throws SQLException {
    List<Change.Upsert<String, V>> all = new ArrayList<>();
    Map<String, Long> at = new HashMap<>();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT key, value, version, as_of FROM "
                      + entries
                      + " WHERE value IS NOT NULL");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          all.add(
              new Change.Upsert<>(
                  r.getString(1),
                  read.apply(r.getString(2)),
                  r.getLong(3),
                  r.getTimestamp(4).toInstant()));
        }
      }
      try (PreparedStatement s = c.prepareStatement("SELECT source, position FROM " + positions);
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          at.put(r.getString(1), r.getLong(2));
        }
      }
    }
    return new Loaded<>(all, at);
  }

  @Override
  public void save(List<Change<String, V>> changes, Map<String, Long> after) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement upsert =
              c.prepareStatement(
                  "INSERT INTO "
                      + entries
                      + " AS e (key, value, version, as_of) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                      + " version = excluded.version, as_of = excluded.as_of"
                      + " WHERE e.version < excluded.version");
          PreparedStatement log =
              c.prepareStatement(
                  "INSERT INTO "
                      + applied
                      + " (key, version, applied_at) VALUES (?, ?, clock_timestamp())"
                      + " ON CONFLICT DO NOTHING");
          PreparedStatement position =
              c.prepareStatement(
                  "INSERT INTO "
                      + positions
                      + " (source, position) VALUES (?, ?)"
                      + " ON CONFLICT (source) DO UPDATE SET position = excluded.position")) {
        int n = 0;
        for (Change<String, V> change : changes) {
          switch (change) {
            case Change.Upsert<String, V> u -> {
              bind(upsert, u.key(), write.apply(u.value()), u.version(), u);
              log.setString(1, u.key());
              log.setLong(2, u.version());
              log.addBatch();
              n++;
            }
            case Change.Delete<String, V> d -> {
              bind(upsert, d.key(), null, d.version(), d);
              n++;
            }
            case Change.Watermark<String, V> w -> {
              // not stored: a replica's watermark is rebuilt from the feed
            }
          }
        }
        if (n > 0) {
          upsert.executeBatch();
          log.executeBatch();
        }
        for (Map.Entry<String, Long> p : after.entrySet()) {
          position.setString(1, p.getKey());
          position.setLong(2, p.getValue());
          position.addBatch();
        }
        position.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static void bind(
      PreparedStatement s,
      String key,
      @org.jspecify.annotations.Nullable String value,
      long version,
      Change<String, ?> change)
      throws SQLException {
    java.time.Instant asOf =
        change instanceof Change.Upsert<String, ?> u
            ? u.asOf()
            : ((Change.Delete<String, ?>) change).asOf();
    s.setString(1, key);
    s.setString(2, value);
    s.setLong(3, version);
    s.setTimestamp(4, Timestamp.from(asOf));
    s.addBatch();
  }
}
