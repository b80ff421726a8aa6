package io.interservice.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long catalog's price changes took to reach a replica that logs when it applied each version
 * ({@code checkout.price_replica_applied}): from the commit of a version in catalog's database to
 * its application in checkout's. Both servers run on one machine, so one clock dates both.
 */
public final class Propagation {

  /**
   * The result.
   *
   * @param changes versions committed since the mark
   * @param missing those not applied
   * @param lagsMs the lag of each applied one, in ms, ascending
   */
  public record Result(long changes, long missing, double[] lagsMs) {
    /** The lag at {@code percentile} (0–100), or 0 when none was applied. */
    public double percentile(double percentile) {
      if (lagsMs.length == 0) {
        return 0;
      }
      int i = (int) Math.ceil(percentile / 100.0 * lagsMs.length) - 1;
      return lagsMs[Math.max(0, Math.min(lagsMs.length - 1, i))];
    }
  }

  private Propagation() {}

  /**
   * The propagation of the versions catalog committed from {@code since} (catalog's clock), or
   * empty when checkout keeps no log of applied versions (its technique is not an event replica).
   */
  public static Optional<Result> measure(String catalogUrl, String checkoutUrl, Instant since)
      throws SQLException {
    Map<String, Instant> applied = new HashMap<>();
    try (Connection c = DriverManager.getConnection(checkoutUrl);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT key, version, applied_at FROM checkout.price_replica_applied")) {
      while (r.next()) {
        applied.put(r.getString(1) + "#" + r.getLong(2), r.getTimestamp(3).toInstant());
      }
    }
    if (applied.isEmpty()) {
      return Optional.empty();
    }
    List<Double> lags = new ArrayList<>();
    long changes = 0;
    try (Connection c = DriverManager.getConnection(catalogUrl)) {
      String committed;
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SHOW track_commit_timestamp")) {
        committed =
            r.next() && r.getString(1).equals("on")
                ? "coalesce(pg_xact_commit_timestamp(h.xmin), h.valid_from)"
                : "h.valid_from";
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT h.sku, h.version, "
                  + committed
                  + " FROM catalog.price_history h WHERE h.valid_from >= ?")) {
        s.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            changes++;
            Instant at = applied.get(r.getString(1) + "#" + r.getLong(2));
            if (at != null) {
              Instant commit = r.getTimestamp(3).toInstant();
              lags.add(Math.max(0, java.time.Duration.between(commit, at).toNanos() / 1e6));
            }
          }
        }
      }
    }
    double[] sorted = lags.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return Optional.of(new Result(changes, changes - sorted.length, sorted));
  }
}
