package io.interservice.owner.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The transactional outbox's writer side: the owner records a change in the same transaction as the
 * change itself, so a change committed is a change relayed and nothing uncommitted is.
 *
 * <p>The table, in the owner's schema:
 *
 * <pre>
 * outbox (id bigserial PRIMARY KEY, xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
 *         topic text NOT NULL, key text NOT NULL, version bigint NOT NULL, payload text NOT NULL,
 *         written_at timestamptz NOT NULL DEFAULT clock_timestamp())
 * </pre>
 */
public final class Outbox {
  /** The channel the relay listens on; writers notify it in their transaction. */
  static final String CHANNEL = "outbox";

  private Outbox() {}

  /**
   * A change to record.
   *
   * @param topic what kind of change
   * @param key what changed
   * @param version its new version
   * @param payload its body
   */
  public record Entry(String topic, String key, long version, String payload) {}

  /** Records {@code entries} in {@code c}'s transaction and wakes the relay when it commits. */
  public static void append(Connection c, List<Entry> entries) throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO outbox (topic, key, version, payload) VALUES (?, ?, ?, ?)")) {
      for (Entry e : entries) {
        s.setString(1, e.topic());
        s.setString(2, e.key());
        s.setLong(3, e.version());
        s.setString(4, e.payload());
        s.addBatch();
      }
      s.executeBatch();
    }
    try (PreparedStatement s = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', '')")) {
      s.executeQuery().close();
    }
  }
}
