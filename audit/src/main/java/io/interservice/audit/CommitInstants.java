package io.interservice.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Dates the owner's price versions by when their changes committed, not by the instants the owner
 * recorded inside those transactions. A change paused between its timestamp and its commit (a
 * SIGSTOP, a long transaction) is not yet visible to anyone, so an order that commits in between
 * rightly used the version before: by recorded instants it would look stale.
 *
 * <p>The history table is written so that the commit of version v+1's transaction is found on two
 * rows: it inserted row v+1 and closed row v (set its {@code validTo}). With PostgreSQL's {@code
 * track_commit_timestamp}, the commit instant of the transaction that last wrote a row is known
 * ({@code pg_xact_commit_timestamp(xmin)}). So a closed row's last writer committed its {@code
 * validTo}, an open row's last writer committed its {@code validFrom}, and each version starts when
 * the one before it ended. Where the instant is unknown, the recorded one stays. Pure.
 */
public final class CommitInstants {
  private CommitInstants() {}

  /**
   * A history row as read.
   *
   * @param recorded the version with the instants the owner recorded
   * @param lastWriteCommittedAt when the transaction that last wrote this row committed, or null if
   *     unknown
   */
  public record Row(PriceVersion recorded, @Nullable Instant lastWriteCommittedAt) {}

  /** The versions of {@code rows}, dated by commit where that is known. */
  public static List<PriceVersion> dated(List<Row> rows) {
    Map<String, List<Row>> bySku = new LinkedHashMap<>();
    for (Row row : rows) {
      bySku.computeIfAbsent(row.recorded().sku(), k -> new ArrayList<>()).add(row);
    }
    List<PriceVersion> versions = new ArrayList<>();
    for (List<Row> history : bySku.values()) {
      history.sort(Comparator.comparingLong(r -> r.recorded().version()));
      Instant previousEnd = null;
      for (Row row : history) {
        PriceVersion v = row.recorded();
        Instant committed = row.lastWriteCommittedAt();
        Instant to = v.validTo() == null || committed == null ? v.validTo() : committed;
        Instant from =
            previousEnd != null
                ? previousEnd
                : v.validTo() == null && committed != null ? committed : v.validFrom();
        versions.add(new PriceVersion(v.sku(), v.version(), v.price(), v.currency(), from, to));
        previousEnd = to;
      }
    }
    return versions;
  }
}
