package io.interservice.lab.run;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.interservice.lab.load.Client;
import io.interservice.lab.load.OpenLoopDriver;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What this machine can do at most, measured in the same comparison as the techniques, so that a
 * technique's highest rate reads as a share of a ceiling and not as a bare number: the rate of an
 * HTTP server with an empty handler driven by the lab's own load generator, the rate of the order's
 * own database transaction (the same inserts, committed, in a scratch schema), and a raw lookup of
 * 5 skus in a map.
 */
public final class Ceiling {
  private static final String SCRATCH = "ceiling_scratch";

  /** Where the lookups' sum goes, so that the JIT cannot drop them. */
  @SuppressWarnings("unused")
  private static volatile long blackhole;

  /**
   * The ceiling.
   *
   * @param httpRate the highest rate of an empty HTTP handler with p99 within the SLO, orders/s
   * @param transactionRate order transactions (an order and 5 lines) committed per second, 16
   *     connections
   * @param lookupsPerSecond lookups of 5 skus in a {@code ConcurrentHashMap}, per second, 2 threads
   */
  public record Result(double httpRate, double transactionRate, double lookupsPerSecond) {
    /** The lower of the two rates an order needs: the HTTP server's and the database's. */
    public double orders() {
      return Math.min(httpRate, transactionRate);
    }
  }

  private Ceiling() {}

  /** Measures it; {@code checkoutAdminUrl} is checkout's database server, as its superuser. */
  public static Result measure(String checkoutAdminUrl, Duration sloP99, double maxRate)
      throws SQLException, InterruptedException {
    return new Result(http(sloP99, maxRate), transactions(checkoutAdminUrl), lookups());
  }

  /** The empty handler, stepped ×1.5 from 200/s for 3 s each until its p99 or errors give out. */
  private static double http(Duration sloP99, double maxRate) {
    String id = "{\"id\":\"" + new UUID(0, 1) + "\"}";
    WebServer server =
        WebServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routing(r ->
                r.post(
                    "/orders",
                    (req, res) -> {
                      req.content().consume();
                      res.status(201);
                      res.header(HeaderNames.CONTENT_TYPE, "application/json");
                      res.send(id);
                    }))
            .build()
            .start();
    try {
      Client client = new Client(URI.create("http://127.0.0.1:" + server.port()), "Bearer none");
      double held = 0;
      for (double rate = 200; rate <= maxRate; rate *= 1.5) {
        OpenLoopDriver.Result r =
            OpenLoopDriver.run(
                client,
                new OpenLoopDriver.Config(
                    rate,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(3),
                    1000,
                    1.0,
                    1,
                    2_000,
                    Duration.ofSeconds(10)),
                p -> {});
        double errors = r.offered() == 0 ? 1 : (double) r.failed() / r.offered();
        if (r.latency().getValueAtPercentile(99) / 1000.0 > sloP99.toMillis() || errors > 0.01) {
          break;
        }
        held = rate;
      }
      return held;
    } finally {
      server.stop();
    }
  }

  /**
   * An order and 5 lines inserted and committed, on 16 connections for 3 s, in a scratch schema.
   */
  private static double transactions(String adminUrl) throws SQLException, InterruptedException {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
      s.execute("CREATE SCHEMA " + SCRATCH);
      s.execute("CREATE TABLE " + SCRATCH + ".orders (LIKE checkout.orders INCLUDING ALL)");
      s.execute(
          "CREATE TABLE " + SCRATCH + ".order_lines (LIKE checkout.order_lines INCLUDING ALL)");
    }
    long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    List<Future<Long>> workers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      for (int w = 0; w < 16; w++) {
        workers.add(pool.submit(() -> commitOrders(adminUrl, end)));
      }
      long total = 0;
      for (Future<Long> f : workers) {
        total += f.get();
      }
      return total / 3.0;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new SQLException("the order transaction failed", e.getCause());
    } finally {
      try (Connection c = DriverManager.getConnection(adminUrl);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
      }
    }
  }

  private static long commitOrders(String adminUrl, long end) throws SQLException {
    long done = 0;
    try (Connection c = DriverManager.getConnection(adminUrl);
        PreparedStatement order =
            c.prepareStatement(
                "INSERT INTO "
                    + SCRATCH
                    + ".orders (id, status, total, currency, client) VALUES (?, 'CONFIRMED', 500,"
                    + " 'USD', 'ceiling')");
        PreparedStatement line =
            c.prepareStatement(
                "INSERT INTO "
                    + SCRATCH
                    + ".order_lines (order_id, line_no, sku, quantity, unit_price, currency,"
                    + " price_version, source, as_of) VALUES (?, ?, ?, 1, 100, 'USD', 1, 'owner',"
                    + " clock_timestamp())")) {
      c.setAutoCommit(false);
      while (System.nanoTime() < end) {
        UUID id = UUID.randomUUID();
        order.setObject(1, id);
        order.executeUpdate();
        for (int l = 0; l < 5; l++) {
          line.setObject(1, id);
          line.setInt(2, l);
          line.setString(3, "SKU-0000" + l);
          line.addBatch();
        }
        line.executeBatch();
        c.commit();
        done++;
      }
    }
    return done;
  }

  /** 5 lookups in a map of 1,000 skus, on 2 threads for 1 s. */
  private static double lookups() throws InterruptedException {
    Map<String, long[]> prices = new ConcurrentHashMap<>();
    for (int n = 1; n <= 1000; n++) {
      prices.put(String.format("SKU-%05d", n), new long[] {n, 1});
    }
    String[] skus = prices.keySet().toArray(String[]::new);
    long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    List<Future<Long>> workers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      for (int w = 0; w < 2; w++) {
        int seed = w;
        workers.add(
            pool.submit(() -> {
              long ops = 0;
              long sink = 0;
              int i = seed;
              while ((ops & 1023) != 0 || System.nanoTime() < end) {
                for (int k = 0; k < 5; k++) {
                  sink += prices.get(skus[(i = (i * 31 + 7) & 1023) % skus.length])[0];
                }
                ops++;
              }
              blackhole = sink;
              return ops;
            }));
      }
      long total = 0;
      for (Future<Long> f : workers) {
        total += f.get();
      }
      return total;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
