package io.interservice.checkout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Checkout's tables. Thread-safe. */
final class OrderStore {

  /** Prices an order on the transaction's connection (or has priced it already). */
  @FunctionalInterface
  interface Pricer {
    Order price(Connection c) throws SQLException;
  }

  /**
   * Whose order it is: the client that placed it, and the idempotency key it gave (keys are the
   * client's own: two clients may use the same).
   */
  record Owner(String client, @Nullable String idempotencyKey) {}

  /** An order stored under an idempotency key, with the fingerprint of its request. */
  record Keyed(Order order, String fingerprint) {}

  /**
   * Ends a transaction's last statement: its {@code COMMIT} goes in the same message, so the commit
   * costs no round trip of its own. Should the statement fail, the server skips the {@code COMMIT}
   * and the transaction is rolled back as usual; once it ran, the driver knows the connection idle,
   * and {@code commit} and {@code rollback} send nothing.
   */
  private static final String AND_COMMIT = "; COMMIT";

  /** What {@code commit_by} raises past its deadline (V6__commit_by.sql). */
  private static final String PAST_DEADLINE = "IS001";

  private final DataSource db;

  OrderStore(DataSource db) {
    this.db = db;
  }

  /** The order's prices were too old to commit by the time its statement ran: nothing written. */
  static final class PastCommitDeadline extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PastCommitDeadline() {
      super("past the order's commit deadline", null, false, false);
    }
  }

  /**
   * Prices the order on the transaction's connection and stores it with its lines, the insert and
   * the {@code COMMIT} sent together (one round trip after the pricing's own); its {@code
   * created_at} is taken in that statement.
   *
   * @return empty when {@code key} is taken already: nothing was written
   */
  Optional<Order> insert(Pricer pricer, Owner key, String fingerprint) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        Order order = pricer.price(c);
        boolean stored = insertOrderWithLines(c, order, key, fingerprint, null, true);
        // committed by the statement (an empty transaction when the key was taken)
        return stored ? Optional.of(order) : Optional.empty();
      } catch (SQLException | RuntimeException e) {
        c.rollback(); // nothing to roll back once the statement's COMMIT ran
        throw e;
      }
    }
  }

  /**
   * Stores {@code order} with its lines in a transaction that is then rolled back: the order path's
   * statement prepared and run, nothing committed.
   */
  void rehearse(Order order, Owner key, String fingerprint) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        insertOrderWithLines(c, order, key, fingerprint, null, false);
      } finally {
        c.rollback();
      }
    }
  }

  /**
   * Stores an order already priced, whose prices may be committed at any time, with its lines: the
   * one statement commits on its own (a single round trip, where a transaction needs two).
   *
   * @return empty when {@code key} is taken already: nothing was written
   */
  Optional<Order> insert(Order order, Owner key, String fingerprint) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(true);
      return insertOrderWithLines(c, order, key, fingerprint, null, false)
          ? Optional.of(order)
          : Optional.empty();
    }
  }

  /**
   * Stores an order already priced whose prices may be committed only until {@code commitBy}, with
   * its lines: the insert, then {@code commit_by} (which fails once the database's clock has passed
   * the deadline: after any wait the insert had), then the {@code COMMIT}, in one message. So the
   * deadline is checked after every wait, microseconds before the commit instant that dates the
   * order, and the order costs one round trip.
   *
   * @return empty when {@code key} is taken already: nothing was written
   * @throws PastCommitDeadline when the clock had passed {@code commitBy}: nothing was written
   */
  Optional<Order> insertBy(Order order, Owner key, String fingerprint, Instant commitBy)
      throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean stored = insertOrderWithLines(c, order, key, fingerprint, commitBy, true);
        return stored ? Optional.of(order) : Optional.empty();
      } catch (SQLException e) {
        c.rollback();
        if (PAST_DEADLINE.equals(e.getSQLState())) {
          throw new PastCommitDeadline();
        }
        throw e;
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * Stores order {@code id} as {@code PENDING} with its request and a deadline {@code within} from
   * now, running {@code alsoInTransaction} (the price request) in the same transaction, last: it
   * may send the {@code COMMIT} with its own statement, and the commit here then sends nothing.
   *
   * @return empty when {@code key} is taken already: nothing was written
   */
  Optional<Order> insertPending(
      UUID id,
      Owner key,
      String fingerprint,
      byte[] request,
      java.time.Duration within,
      Pricer alsoInTransaction)
      throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        Order order = Order.pending(id);
        // the order (unless its key is taken) with its deadline, and its request: one statement
        try (PreparedStatement s =
            c.prepareStatement(
                "WITH o AS (INSERT INTO orders (id, status, total, currency, idempotency_key,"
                    + " request_hash, client, deadline) VALUES (?, ?, ?, ?, ?, ?, ?,"
                    + " clock_timestamp() + ? * interval '1 millisecond')"
                    + " ON CONFLICT (client, idempotency_key) DO NOTHING RETURNING id)"
                    + " INSERT INTO order_requests (order_id, body) SELECT id, ? FROM o")) {
          setOrder(s, order, key, fingerprint);
          s.setLong(8, within.toMillis());
          s.setString(9, new String(request, java.nio.charset.StandardCharsets.UTF_8));
          if (s.executeUpdate() != 1) {
            c.rollback();
            return Optional.empty();
          }
        }
        alsoInTransaction.price(c);
        c.commit();
        return Optional.of(order);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** What settles a pending order: its priced form, or a rejection. */
  @FunctionalInterface
  interface Settler {
    /** The order priced from its request, or a {@link Rejected}. */
    Order settle(UUID id, byte[] request) throws Rejected;
  }

  /** The order cannot be confirmed, for {@code reason}. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
      super(reason);
    }
  }

  /**
   * Settles order {@code id} if it is still {@code PENDING} and its deadline has not passed: its
   * lines are stored and it is {@code CONFIRMED}, or it is {@code REJECTED} with the reason; past
   * its deadline it is rejected as {@code deadline-passed}. A settled order is left as it is.
   *
   * @return the status it has afterwards, or empty for an unknown order
   */
  Optional<String> settle(UUID id, Settler settler) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        String status;
        boolean late;
        byte[] request;
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT o.status, o.deadline < clock_timestamp(), r.body FROM orders o"
                    + " JOIN order_requests r ON r.order_id = o.id WHERE o.id = ? FOR UPDATE OF o")) {
          s.setObject(1, id);
          try (ResultSet r = s.executeQuery()) {
            if (!r.next()) {
              c.rollback();
              return Optional.empty();
            }
            status = r.getString(1);
            late = r.getBoolean(2);
            request = r.getString(3).getBytes(java.nio.charset.StandardCharsets.UTF_8);
          }
        }
        if (!status.equals("PENDING")) {
          c.rollback();
          return Optional.of(status); // a late or repeated answer changes nothing
        }
        String reason = late ? "deadline-passed" : null;
        Order order = null;
        if (reason == null) {
          try {
            order = settler.settle(id, request);
          } catch (Rejected e) {
            reason = e.getMessage();
          }
        }
        if (order == null) {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE orders SET status = 'REJECTED', reason = ? WHERE id = ?" + AND_COMMIT)) {
            s.setString(1, reason);
            s.setObject(2, id);
            s.executeUpdate();
          }
        } else {
          confirm(c, order);
        }
        return Optional.of(order == null ? "REJECTED" : "CONFIRMED");
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Rejects every pending order whose deadline has passed; returns how many. */
  int rejectExpired() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE orders SET status = 'REJECTED', reason = 'deadline-passed'"
                    + " WHERE status = 'PENDING' AND deadline < clock_timestamp()")) {
      return s.executeUpdate();
    }
  }

  Optional<Order> find(String client, UUID id) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, status, total, currency, reason FROM orders WHERE id = ? AND client = ?")) {
      s.setObject(1, id);
      s.setString(2, client);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(order(c, r)) : Optional.empty();
      }
    }
  }

  Optional<Keyed> findByKey(Owner key) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, status, total, currency, reason, request_hash FROM orders"
                    + " WHERE client = ? AND idempotency_key = ?")) {
      s.setString(1, key.client());
      s.setString(2, key.idempotencyKey());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(new Keyed(order(c, r), r.getString(6))) : Optional.empty();
      }
    }
  }

  void ping() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1")) {
      s.executeQuery().close();
    }
  }

  /** Binds the order's seven columns, in the order both inserts list them. */
  private static void setOrder(PreparedStatement s, Order order, Owner key, String fingerprint)
      throws SQLException {
    s.setObject(1, order.id());
    s.setString(2, order.status());
    s.setLong(3, order.total());
    s.setString(4, order.currency());
    s.setString(5, key.idempotencyKey());
    s.setString(6, fingerprint);
    s.setString(7, key.client());
  }

  /**
   * Inserts the order (unless its key is taken) and its lines in one statement, dated by the
   * database's clock as it runs; then, in the same message, the deadline's check unless {@code
   * commitBy} is null, and the {@code COMMIT} if {@code commit}. False when the key was taken and
   * nothing was written.
   */
  private static boolean insertOrderWithLines(
      Connection c,
      Order order,
      Owner key,
      String fingerprint,
      @Nullable Instant commitBy,
      boolean commit)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "WITH o AS (INSERT INTO orders (id, status, total, currency, idempotency_key,"
                + " request_hash, client, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, clock_timestamp())"
                + " ON CONFLICT (client, idempotency_key) DO NOTHING RETURNING id) "
                + OrderLines.INSERT
                + " FROM o, "
                + OrderLines.UNNEST
                + (commitBy == null
                    ? ""
                    : "; CALL commit_by(timestamptz 'epoch' + ? * interval '1 microsecond')")
                + (commit ? AND_COMMIT : ""))) {
      setOrder(s, order, key, fingerprint);
      OrderLines.bind(s, 8, order);
      if (commitBy != null) {
        s.setLong(15, OrderLines.micros(commitBy));
      }
      return s.executeUpdate() == order.lines().size();
    }
  }

  /**
   * Marks a pending order {@code CONFIRMED} with its total, dated by the database's clock, and
   * stores its lines: one statement, with the transaction's {@code COMMIT}.
   */
  private static void confirm(Connection c, Order order) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "WITH o AS (UPDATE orders SET status = 'CONFIRMED', total = ?, currency = ?,"
                + " created_at = clock_timestamp() WHERE id = ? RETURNING id) "
                + OrderLines.INSERT
                + " FROM o, "
                + OrderLines.UNNEST
                + AND_COMMIT)) {
      s.setLong(1, order.total());
      s.setString(2, order.currency());
      s.setObject(3, order.id());
      OrderLines.bind(s, 4, order);
      s.executeUpdate();
    }
  }

  private static Order order(Connection c, ResultSet r) throws SQLException {
    UUID id = r.getObject(1, UUID.class);
    List<Order.Line> lines = OrderLines.read(c, id);
    String currency = r.getString(4);
    return new Order(
        id,
        r.getString(2),
        r.getLong(3),
        currency == null ? null : currency.trim(),
        lines,
        r.getString(5));
  }
}
