package io.interservice.owner.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Reads committed outbox rows in commit order and hands them to its sinks, then removes them, all
 * in one transaction. A row is read only once every transaction that began before it has ended
 * ({@code xid < pg_snapshot_xmin(pg_current_snapshot())}), so a row whose id was taken early but
 * that commits late is neither skipped nor overtaken by a later transaction's rows. Idle, it waits
 * for a notification from {@link Outbox#append} (and looks once every {@code idleCheck} in case one
 * was missed); rows held back by a transaction still in flight are looked at again after a short
 * backoff. One relay runs at a time per database (an advisory lock). Thread-safe.
 *
 * <p>With a watermark interval, the relay also tells its sinks, after every batch and at least once
 * per interval, an instant T (the database's clock) such that every transaction that committed
 * before T has been handed to them: see {@link Watermarks}.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final int BATCH = 500;
  private static final long LOCK_KEY = 0x6f7574626f78L; // "outbox"
  private static final Duration HELD_BACK_MIN = Duration.ofMillis(2);
  private static final Duration HELD_BACK_MAX = Duration.ofMillis(100);

  private final DataSource db;
  private final List<OutboxSink> sinks;
  private final Duration idleCheck;
  private final @Nullable Watermarks watermarks;
  private final Thread thread;

  /** A relay of {@code db}'s outbox to {@code sinks}, without watermarks; call {@link #start()}. */
  public OutboxRelay(DataSource db, List<OutboxSink> sinks, Duration idleCheck) {
    this(db, sinks, idleCheck, null);
  }

  /**
   * A relay of {@code db}'s outbox to {@code sinks} that also hands them a watermark at least every
   * {@code watermarkInterval} (null: never); call {@link #start()}.
   */
  public OutboxRelay(
      DataSource db,
      List<OutboxSink> sinks,
      Duration idleCheck,
      @Nullable Duration watermarkInterval) {
    this.db = db;
    this.sinks = List.copyOf(sinks);
    this.watermarks = watermarkInterval == null ? null : new Watermarks();
    this.idleCheck =
        watermarkInterval == null || watermarkInterval.compareTo(idleCheck) > 0
            ? idleCheck
            : watermarkInterval;
    this.thread = Thread.ofPlatform().daemon().name("outbox-relay").unstarted(this::run);
  }

  /** Starts relaying. */
  public void start() {
    thread.start();
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try (Connection listener = db.getConnection()) {
        try (Statement s = listener.createStatement()) {
          s.execute("LISTEN " + Outbox.CHANNEL);
        }
        PGConnection pg = listener.unwrap(PGConnection.class);
        Duration heldBack = HELD_BACK_MIN;
        while (!Thread.currentThread().isInterrupted()) {
          Pass pass = relayOnce();
          if (pass.relayed() == BATCH) {
            continue;
          }
          if (pass.heldBack()) {
            Thread.sleep(heldBack);
            heldBack =
                heldBack.multipliedBy(2).compareTo(HELD_BACK_MAX) > 0
                    ? HELD_BACK_MAX
                    : heldBack.multipliedBy(2);
            continue;
          }
          heldBack = HELD_BACK_MIN;
          // blocks until a writer's transaction commits, or idleCheck passes
          pg.getNotifications((int) idleCheck.toMillis());
        }
      } catch (SQLException e) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        LOG.log(Level.WARNING, "outbox relay: " + e + "; trying again in 1 s");
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        LOG.log(Level.WARNING, "outbox relay: a sink failed; trying again in 1 s", e);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** What one pass did: how many it relayed, and whether rows wait behind a running transaction. */
  record Pass(int relayed, boolean heldBack) {}

  /**
   * The relay's lock and, in the same statement, an idle limit longer than a session's (SET LOCAL's
   * way): this transaction waits on the network by design.
   */
  private static final String LOCK =
      "SELECT pg_try_advisory_xact_lock(?),"
          + " set_config('idle_in_transaction_session_timeout', '60s', true)";

  /**
   * The watermark's candidate: the database's clock, then, in a later statement (so a later
   * snapshot), the first transaction id not yet assigned and the oldest still in flight.
   */
  private static final String CANDIDATE =
      "SELECT clock_timestamp(); SELECT pg_snapshot_xmin(t)::text, pg_snapshot_xmax(t)::text"
          + " FROM pg_current_snapshot() t";

  /** The rows in commit order, each marked held when a transaction older than it is in flight. */
  private static final String ROWS =
      "SELECT id, topic, key, version, payload, written_at,"
          + " xid >= pg_snapshot_xmin(pg_current_snapshot()) AS held"
          + " FROM outbox ORDER BY xid, id LIMIT "
          + BATCH;

  /**
   * Relays the rows that can be relayed now, up to a batch: two round trips to the database, one
   * for the lock, the watermark's candidate and the rows (their statements sent in one message, run
   * one after another, each with its own snapshot), one for the delete and the {@code COMMIT}.
   */
  Pass relayOnce() throws Exception {
    List<OutboxEvent> events = new ArrayList<>();
    boolean heldBack = false;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        long xmin = 0;
        try (PreparedStatement s =
            c.prepareStatement(LOCK + (watermarks == null ? "" : "; " + CANDIDATE) + "; " + ROWS)) {
          s.setLong(1, LOCK_KEY);
          s.execute();
          try (ResultSet r = s.getResultSet()) {
            if (!r.next() || !r.getBoolean(1)) {
              c.rollback();
              return new Pass(0, false); // another relay has it
            }
          }
          if (watermarks != null) {
            xmin = candidate(s);
          }
          s.getMoreResults();
          try (ResultSet r = s.getResultSet()) {
            while (r.next()) {
              if (r.getBoolean(7)) {
                heldBack = true;
                break; // in xid order, every later row is held back too
              }
              events.add(
                  new OutboxEvent(
                      r.getLong(1),
                      r.getString(2),
                      r.getString(3),
                      r.getLong(4),
                      r.getString(5),
                      r.getTimestamp(6).toInstant()));
            }
          }
        }
        // every row of a transaction below xmin was read, unless the batch filled up
        Instant claimed =
            watermarks == null || events.size() == BATCH ? null : watermarks.claim(xmin);
        if (events.isEmpty()) {
          c.rollback();
          handOn(claimed);
          return new Pass(0, heldBack);
        }
        for (OutboxSink sink : sinks) {
          sink.deliver(c, events);
        }
        handOn(claimed);
        // the delete and the COMMIT in one message: should the delete fail, the server skips the
        // COMMIT and the transaction is rolled back below; once it ran, rollback sends nothing
        try (PreparedStatement d =
            c.prepareStatement("DELETE FROM outbox WHERE id = ANY (?); COMMIT")) {
          Array ids = c.createArrayOf("bigint", events.stream().map(OutboxEvent::id).toArray());
          d.setArray(1, ids);
          d.executeUpdate();
        }
      } catch (Exception e) {
        c.rollback();
        throw e;
      }
    }
    sinks.forEach(OutboxSink::committed);
    return new Pass(events.size(), heldBack);
  }

  /**
   * Notes this pass's watermark candidate from the two results of {@link #CANDIDATE} that follow
   * {@code s}'s current one. Returns the oldest transaction still in flight, as of the later
   * snapshot.
   */
  private long candidate(PreparedStatement s) throws SQLException {
    Instant now;
    s.getMoreResults();
    try (ResultSet r = s.getResultSet()) {
      r.next();
      now = r.getTimestamp(1).toInstant();
    }
    s.getMoreResults();
    try (ResultSet r = s.getResultSet()) {
      r.next();
      long xmin = Long.parseLong(r.getString(1));
      java.util.Objects.requireNonNull(watermarks).note(now, Long.parseLong(r.getString(2)));
      return xmin;
    }
  }

  /** Hands {@code completeUpTo} to the sinks, if there is one to hand. */
  private void handOn(@Nullable Instant completeUpTo) throws Exception {
    if (completeUpTo == null) {
      return;
    }
    for (OutboxSink sink : sinks) {
      sink.watermark(completeUpTo);
    }
  }

  /** Stops the relay. */
  @Override
  public void close() {
    thread.interrupt();
  }
}
