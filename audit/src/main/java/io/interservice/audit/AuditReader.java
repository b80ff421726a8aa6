package io.interservice.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads both services' tables, read-only, for the audit. */
public final class AuditReader {
  private AuditReader() {}

  /**
   * Whether the server keeps commit instants ({@code track_commit_timestamp}): then the audit dates
   * price versions and orders by their commits (see {@link CommitInstants}), else by the instants
   * recorded inside their transactions.
   */
  public static boolean tracksCommits(String adminUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl)) {
      return tracksCommits(c);
    }
  }

  private static boolean tracksCommits(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SHOW track_commit_timestamp")) {
      return r.next() && r.getString(1).equals("on");
    }
  }

  /**
   * Waits up to {@code patience} for checkout's orders accepted as pending to be settled; returns
   * how many are still {@code PENDING} then (must be 0: each has a deadline).
   */
  public static long pendingAfter(String checkoutUrl, java.time.Duration patience)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      long pending;
      try (Connection c = DriverManager.getConnection(checkoutUrl);
          Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery("SELECT count(*) FROM checkout.orders WHERE status = 'PENDING'")) {
        r.next();
        pending = r.getLong(1);
      }
      if (pending == 0 || System.nanoTime() >= deadline) {
        return pending;
      }
      Thread.sleep(100);
    }
  }

  /**
   * How an order accepted as pending ended.
   *
   * @param status {@code CONFIRMED}, {@code REJECTED} or {@code PENDING}
   * @param reason a rejection's reason, else null
   * @param at the commit of the transaction that last wrote the order (its settlement), where the
   *     server keeps commit instants, else its {@code created_at}
   */
  public record Settlement(
      String status, @org.jspecify.annotations.Nullable String reason, Instant at) {}

  /** How the orders {@code ids} ended, by id; unknown ids are absent. */
  public static java.util.Map<UUID, Settlement> settlements(
      String checkoutUrl, java.util.Collection<UUID> ids) throws SQLException {
    java.util.Map<UUID, Settlement> settled = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return settled;
    }
    try (Connection c = DriverManager.getConnection(checkoutUrl)) {
      String at =
          tracksCommits(c) ? "coalesce(pg_xact_commit_timestamp(xmin), created_at)" : "created_at";
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, status, reason, " + at + " FROM checkout.orders WHERE id = ANY (?)")) {
        s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            settled.put(
                r.getObject(1, UUID.class),
                new Settlement(r.getString(2), r.getString(3), r.getTimestamp(4).toInstant()));
          }
        }
      }
    }
    return settled;
  }

  /** The database's clock now: the mark from which a later {@link #audit} counts orders. */
  public static Instant now(String adminUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT clock_timestamp()")) {
      r.next();
      return r.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  /**
   * Audits the orders of the scenario's database at {@code adminUrl} (both services' schemas in one
   * database) created from {@code since}; see {@link #audit(String, String, List, Instant)}.
   */
  public static AuditResult audit(String adminUrl, List<UUID> acknowledged, Instant since)
      throws SQLException {
    return audit(adminUrl, adminUrl, acknowledged, since);
  }

  /**
   * Audits the orders in checkout's database at {@code checkoutUrl} created from {@code since}
   * (that database's clock, see {@link #now}) against the price history in catalog's database at
   * {@code catalogUrl} (the same server, or another on the same machine and clock), and looks for
   * the acknowledged order ids among all the orders.
   */
  public static AuditResult audit(
      String catalogUrl, String checkoutUrl, List<UUID> acknowledged, Instant since)
      throws SQLException {
    return audit(catalogUrl, checkoutUrl, acknowledged, since, null);
  }

  /**
   * As {@link #audit(String, String, List, Instant)}, for the orders created from {@code since}
   * until {@code until} (excluded; null for no end): a run's start-up apart from its measured part.
   */
  public static AuditResult audit(
      String catalogUrl,
      String checkoutUrl,
      List<UUID> acknowledged,
      Instant since,
      @org.jspecify.annotations.Nullable Instant until)
      throws SQLException {
    try (Connection catalog = DriverManager.getConnection(catalogUrl);
        Connection checkout = DriverManager.getConnection(checkoutUrl)) {
      for (Connection c : List.of(catalog, checkout)) {
        c.setReadOnly(true);
        c.setAutoCommit(false);
      }
      // the instant the transaction that last wrote a row committed, where the server keeps it
      String historyCommit =
          tracksCommits(catalog) ? "pg_xact_commit_timestamp(h.xmin)" : "NULL::timestamptz";
      String orderCommit =
          tracksCommits(checkout) ? "pg_xact_commit_timestamp(o.xmin)" : "NULL::timestamptz";
      List<CommitInstants.Row> history = new ArrayList<>();
      List<AuditedLine> lines = new ArrayList<>();
      Set<UUID> stored = new HashSet<>();
      try (Statement s = catalog.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT h.sku, h.version, h.price, h.currency, h.valid_from, h.valid_to, "
                      + historyCommit
                      + " FROM catalog.price_history h")) {
        while (r.next()) {
          Timestamp to = r.getTimestamp(6);
          Timestamp committed = r.getTimestamp(7);
          history.add(
              new CommitInstants.Row(
                  new PriceVersion(
                      r.getString(1),
                      r.getLong(2),
                      r.getLong(3),
                      r.getString(4),
                      r.getTimestamp(5).toInstant(),
                      to == null ? null : to.toInstant()),
                  committed == null ? null : committed.toInstant()));
        }
      }
      try (PreparedStatement s =
          checkout.prepareStatement(
              "SELECT o.id, l.sku, l.price_version, l.unit_price, l.currency,"
                  + " coalesce("
                  + orderCommit
                  + ", o.created_at), l.source"
                  + " FROM checkout.orders o JOIN checkout.order_lines l ON l.order_id = o.id"
                  + " WHERE o.created_at >= ? AND o.created_at < ?")) {
        s.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        s.setObject(
            2,
            OffsetDateTime.ofInstant(
                until == null ? Instant.parse("9999-12-31T00:00:00Z") : until, ZoneOffset.UTC));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            lines.add(
                new AuditedLine(
                    r.getObject(1, UUID.class),
                    r.getString(2),
                    r.getLong(3),
                    r.getLong(4),
                    r.getString(5),
                    r.getTimestamp(6).toInstant(),
                    r.getString(7)));
          }
        }
      }
      try (Statement s = checkout.createStatement();
          ResultSet r = s.executeQuery("SELECT id FROM checkout.orders")) {
        while (r.next()) {
          stored.add(r.getObject(1, UUID.class));
        }
      }
      catalog.rollback();
      checkout.rollback();
      return Audit.of(CommitInstants.dated(history), lines, acknowledged, stored);
    }
  }
}
