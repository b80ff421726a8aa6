package io.interservice.catalog;

import io.interservice.service.Checksums;
import io.interservice.service.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * Pushes every price change to every subscriber: deliveries are rows written in the change's
 * transaction; one loop sends the due ones (signed with the subscriber's secret), retries failures
 * with capped exponential backoff and full jitter, and moves a delivery that failed {@code
 * maxAttempts} times to the dead letters, from which a new registration of the subscriber
 * redelivers them. Thread-safe.
 */
final class Push implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Push.class.getName());
  private static final int BATCH = 200;
  private static final Duration BASE_BACKOFF = Duration.ofMillis(100);

  /** A registered subscriber and the secret its deliveries are signed with. */
  record Subscriber(UUID id, String name, String callbackUrl, String secret) {}

  /** What one delivery carries. */
  record Update(String sku, long price, String currency, long version, Instant changedAt) {}

  private record Due(
      long id, int attempts, Update update, String callbackUrl, String secret, UUID subscriber) {}

  private final DataSource db;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();
  private final Duration maxBackoff;
  private final int maxAttempts;
  private final RandomGenerator random;
  private final SecureRandom secrets = new SecureRandom();
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
  private final Thread loop;
  private volatile boolean running = true;

  Push(DataSource db, Duration maxBackoff, int maxAttempts, RandomGenerator random) {
    this.db = db;
    this.maxBackoff = maxBackoff;
    this.maxAttempts = maxAttempts;
    this.random = random;
    this.loop = Thread.ofPlatform().daemon().name("push").unstarted(this::run);
  }

  void start() {
    loop.start();
  }

  /**
   * Registers {@code name} (again) with its callback: a new secret each time, and every dead
   * delivery owed to it is due again.
   */
  Subscriber register(String name, String callbackUrl) throws SQLException {
    String secret = HexFormat.of().formatHex(bytes(32));
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO subscribers (id, name, callback_url, secret) VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT (name) DO UPDATE SET callback_url = excluded.callback_url,"
                  + " secret = excluded.secret RETURNING id")) {
        s.setObject(1, UUID.randomUUID());
        s.setString(2, name);
        s.setString(3, callbackUrl);
        s.setString(4, secret);
        UUID id;
        try (ResultSet r = s.executeQuery()) {
          r.next();
          id = r.getObject(1, UUID.class);
        }
        try (PreparedStatement redeliver =
            c.prepareStatement(
                "UPDATE deliveries SET status = 'pending', attempts = 0,"
                    + " next_attempt_at = clock_timestamp() WHERE subscriber_id = ? AND status = 'dead'")) {
          redeliver.setObject(1, id);
          redeliver.executeUpdate();
        }
        c.commit();
        return new Subscriber(id, name, callbackUrl, secret);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Deliveries by status. */
  Map<String, Long> counts() throws SQLException {
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
    while (running) {
      try {
        if (deliverDue() == 0) {
          Thread.sleep(50);
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        LOG.log(Level.WARNING, "push loop failed; retrying", e);
        try {
          Thread.sleep(500);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** Sends the due deliveries, in parallel; returns how many were tried. */
  int deliverDue() throws SQLException, InterruptedException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      List<Due> due = due(c);
      List<Future<String>> sent = new ArrayList<>();
      for (Due d : due) {
        sent.add(senders.submit(() -> send(d)));
      }
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
            ok.setLong(1, d.id());
            ok.addBatch();
          } else {
            int attempts = d.attempts() + 1;
            failed.setString(1, attempts >= maxAttempts ? "dead" : "pending");
            failed.setInt(2, attempts);
            failed.setString(3, error);
            failed.setLong(4, backoff(attempts).toMillis());
            failed.setLong(5, d.id());
            failed.addBatch();
          }
        }
        ok.executeBatch();
        failed.executeBatch();
      }
      redeliverDeadLettersOfThoseBack(c, due, sent);
      c.commit();
      return due.size();
    }
  }

  /** A subscriber that took a delivery is back: its dead letters are due again. */
  private static void redeliverDeadLettersOfThoseBack(
      Connection c, List<Due> due, List<Future<String>> sent)
      throws SQLException, InterruptedException {
    java.util.Set<UUID> back = new java.util.HashSet<>();
    for (int i = 0; i < due.size(); i++) {
      if (outcome(sent.get(i)) == null) {
        back.add(due.get(i).subscriber());
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = clock_timestamp()"
                + " WHERE subscriber_id = ? AND status = 'dead'")) {
      for (UUID id : back) {
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
            "SELECT d.id, d.attempts, d.sku, d.price, d.currency, d.version, d.changed_at,"
                + " s.callback_url, s.secret, s.id FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id"
                + " WHERE d.status = 'pending' AND d.next_attempt_at <= clock_timestamp()"
                + " ORDER BY d.id LIMIT "
                + BATCH
                + " FOR UPDATE OF d SKIP LOCKED")) {
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Update u =
              new Update(
                  r.getString(3),
                  r.getLong(4),
                  r.getString(5).trim(),
                  r.getLong(6),
                  r.getTimestamp(7).toInstant());
          due.add(
              new Due(
                  r.getLong(1),
                  r.getInt(2),
                  u,
                  r.getString(8),
                  r.getString(9),
                  r.getObject(10, UUID.class)));
        }
      }
    }
    return due;
  }

  /** Null when delivered, else what went wrong. */
  private String send(Due d) {
    byte[] body = Json.write(d.update());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(d.callbackUrl()))
            .timeout(Duration.ofSeconds(2))
            .header("Content-Type", "application/json")
            .header("Subscriber-Id", d.subscriber().toString())
            .header("Signature", Checksums.sign(d.secret(), body))
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

  private static String outcome(Future<String> f) throws InterruptedException {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      return String.valueOf(e.getCause());
    }
  }

  private Duration backoff(int attempts) {
    long cap =
        Math.min(maxBackoff.toMillis(), BASE_BACKOFF.toMillis() << Math.min(attempts - 1, 20));
    return Duration.ofMillis(1 + random.nextLong(Math.max(1, cap)));
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    secrets.nextBytes(b);
    return b;
  }

  @Override
  public void close() {
    running = false;
    loop.interrupt();
    senders.shutdownNow();
  }

  /** The reconciliation buckets: per bucket, the count and checksum of (sku, version). */
  static List<Map<String, Long>> checksums(List<PriceQuote> all, int buckets) {
    long[] counts = new long[buckets];
    long[] sums = new long[buckets];
    for (PriceQuote q : all) {
      int b = Checksums.bucket(q.sku(), buckets);
      counts[b]++;
      sums[b] += Checksums.entry(q.sku(), q.version());
    }
    List<Map<String, Long>> list = new ArrayList<>(buckets);
    for (int b = 0; b < buckets; b++) {
      list.add(Map.of("bucket", (long) b, "count", counts[b], "checksum", sums[b]));
    }
    return list;
  }
}
