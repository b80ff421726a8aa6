package io.interservice.owner.push;

import io.interservice.protocol.Backoff;
import io.interservice.protocol.Credentials;
import io.interservice.protocol.Signatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Sends the due deliveries, in parallel, as {@code POST callbackUrl} with headers {@code
 * Subscriber-Id} and {@code Signature}; a failure is retried after the protocol's backoff (capped
 * exponential, full jitter); after {@code maxAttempts} the delivery is dead, and it is due again
 * when its subscriber takes a delivery or registers again. It sleeps until it is woken ({@link
 * #wake()}, when deliveries are written) or the next retry is due, so idle it costs nothing.
 * Thread-safe.
 *
 * <p>Its tables, in the owner's schema:
 *
 * <pre>
 * subscribers (id uuid PRIMARY KEY, name text UNIQUE NOT NULL, callback_url text NOT NULL,
 *              secret text NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp())
 * deliveries  (id bigserial PRIMARY KEY, subscriber_id uuid NOT NULL REFERENCES subscribers,
 *              key text NOT NULL, version bigint NOT NULL, payload text NOT NULL,
 *              status text NOT NULL DEFAULT 'pending', attempts int NOT NULL DEFAULT 0,
 *              next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(), last_error text)
 * </pre>
 */
public final class Deliverer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Deliverer.class.getName());
  private static final int BATCH = 200;
  private static final Duration LONGEST_SLEEP = Duration.ofSeconds(60);

  private record Due(
      long id,
      int attempts,
      String payload,
      String callbackUrl,
      String secret,
      UUID subscriber,
      String name) {}

  private final DataSource db;
  private final PushConfig config;
  private final Credentials credentials;
  private final Backoff backoff;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore woken = new Semaphore(0);
  private final Thread loop;

  /**
   * A deliverer over the owner's {@code db}, proving the owner's identity to each subscriber (the
   * audience is the subscriber's name) with {@code credentials}; call {@link #start()}.
   */
  public Deliverer(
      DataSource db, PushConfig config, Credentials credentials, RandomGenerator random) {
    this.db = db;
    this.credentials = credentials;
    this.config = config;
    this.backoff = new Backoff(config.baseBackoff(), config.maxBackoff(), random);
    this.loop = Thread.ofPlatform().daemon().name("push-deliverer").unstarted(this::run);
  }

  /** Starts the loop. */
  public void start() {
    loop.start();
  }

  /** Deliveries may be due: look now. */
  public void wake() {
    if (woken.availablePermits() == 0) {
      woken.release();
    }
  }

  /** Deliveries by status: {@code pending}, {@code delivered}, {@code dead}. */
  public Map<String, Long> counts() throws SQLException {
    Map<String, Long> counts =
        new LinkedHashMap<>(Map.of("pending", 0L, "delivered", 0L, "dead", 0L));
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT status, count(*) FROM deliveries GROUP BY status");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        counts.put(r.getString(1), r.getLong(2));
      }
    }
    return counts;
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        // a wake from here on is not lost: it ends the sleep below at once
        woken.drainPermits();
        if (deliverDue() == BATCH) {
          continue;
        }
        Duration sleep = untilNextDue();
        woken.tryAcquire(sleep.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        LOG.log(Level.WARNING, "push: delivering failed; trying again in 1 s", e);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** How long until the earliest pending delivery is due, at most a minute. */
  private Duration untilNextDue() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT min(next_attempt_at), clock_timestamp() FROM deliveries WHERE status = 'pending'");
        ResultSet r = s.executeQuery()) {
      r.next();
      Timestamp next = r.getTimestamp(1);
      if (next == null) {
        return LONGEST_SLEEP;
      }
      Duration d = Duration.between(r.getTimestamp(2).toInstant(), next.toInstant());
      return d.isNegative() ? Duration.ZERO : d.compareTo(LONGEST_SLEEP) > 0 ? LONGEST_SLEEP : d;
    }
  }

  /** Sends the due deliveries, in parallel; returns how many were tried. */
  int deliverDue() throws SQLException, InterruptedException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      // this transaction waits on the network by design: longer than a session's idle limit
      try (java.sql.Statement limit = c.createStatement()) {
        limit.execute("SET LOCAL idle_in_transaction_session_timeout = '60s'");
      }
      List<Due> due = due(c);
      List<Future<@Nullable String>> sent = new ArrayList<>();
      for (Due d : due) {
        sent.add(senders.submit(() -> send(d)));
      }
      Set<UUID> back = new HashSet<>();
      try (PreparedStatement ok =
              c.prepareStatement(
                  "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1 WHERE id = ?");
          PreparedStatement failed =
              c.prepareStatement(
                  "UPDATE deliveries SET status = ?, attempts = ?, last_error = ?,"
                      + " next_attempt_at = clock_timestamp() + ? * interval '1 millisecond' WHERE id = ?")) {
        for (int i = 0; i < due.size(); i++) {
          Due d = due.get(i);
          String error = outcome(sent.get(i));
          if (error == null) {
            back.add(d.subscriber());
            ok.setLong(1, d.id());
            ok.addBatch();
          } else {
            int attempts = d.attempts() + 1;
            failed.setString(1, attempts >= config.maxAttempts() ? "dead" : "pending");
            failed.setInt(2, attempts);
            failed.setString(3, error);
            failed.setLong(4, 1 + backoff.delay(attempts).toMillis());
            failed.setLong(5, d.id());
            failed.addBatch();
          }
        }
        ok.executeBatch();
        failed.executeBatch();
      }
      redeliver(c, back);
      c.commit();
      return due.size();
    }
  }

  /** The dead letters of subscribers that are back are due again. */
  static void redeliver(Connection c, Set<UUID> subscribers) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = clock_timestamp()"
                + " WHERE subscriber_id = ? AND status = 'dead'")) {
      for (UUID id : subscribers) {
        s.setObject(1, id);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static List<Due> due(Connection c) throws SQLException {
    List<Due> due = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT d.id, d.attempts, d.payload, s.callback_url, s.secret, s.id, s.name"
                    + " FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id"
                    + " WHERE d.status = 'pending' AND d.next_attempt_at <= clock_timestamp()"
                    + " ORDER BY d.id LIMIT "
                    + BATCH
                    + " FOR UPDATE OF d SKIP LOCKED");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        due.add(
            new Due(
                r.getLong(1),
                r.getInt(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getObject(6, UUID.class),
                r.getString(7)));
      }
    }
    return due;
  }

  /** Null when delivered, else what went wrong. */
  private @Nullable String send(Due d) {
    byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(d.callbackUrl()))
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .header("Subscriber-Id", d.subscriber().toString())
            .header("Signature", Signatures.sign(d.secret(), body))
            .header("Authorization", credentials.authorization(d.name()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? null : "answered " + status;
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static @Nullable String outcome(Future<@Nullable String> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      return String.valueOf(e.getCause());
    }
  }

  /** Stops the loop and the senders. */
  @Override
  public void close() {
    loop.interrupt();
    senders.shutdownNow();
  }
}
