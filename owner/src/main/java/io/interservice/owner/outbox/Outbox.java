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

  /**
   * Records {@code entries} in {@code c}'s transaction, in their order, and wakes the relay when it
   * commits: one statement, one round trip.
   */
  public static void append(Connection c, List<Entry> entries) throws SQLException {
    append(c, entries, "");
  }

  /**
   * As {@link #append}, as the transaction's last statement: its {@code COMMIT} goes in the same
   * message, so the commit costs no round trip of its own. Should the append fail, the server skips
   * the {@code COMMIT} and the transaction is the caller's to roll back as usual; once it ran, the
   * connection is idle and {@code commit} and {@code rollback} send nothing.
   */
  public static void appendAndCommit(Connection c, List<Entry> entries) throws SQLException {
    if (entries.isEmpty()) {
      c.commit();
      return;
    }
    append(c, entries, "; COMMIT");
  }

  private static void append(Connection c, List<Entry> entries, String then) throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    int n = entries.size();
    String[] topics = new String[n];
    String[] keys = new String[n];
    long[] versions = new long[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      Entry e = entries.get(i);
      topics[i] = e.topic();
      keys[i] = e.key();
      versions[i] = e.version();
      payloads[i] = e.payload();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "WITH appended AS (INSERT INTO outbox (topic, key, version, payload)"
                + " SELECT topic, key, version, payload"
                + " FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[])"
                + " WITH ORDINALITY AS e(topic, key, version, payload, n) ORDER BY n)"
                + " SELECT pg_notify('"
                + CHANNEL
                + "', '')"
                + then)) {
      s.setObject(1, topics);
      s.setObject(2, keys);
      s.setObject(3, versions);
      s.setObject(4, payloads);
      s.execute();
    }
  }
}
