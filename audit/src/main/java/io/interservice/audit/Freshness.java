package io.interservice.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The share of lines that were current as a function of the time since their sku last changed (when
 * the order committed): the t-visibility of probabilistically bounded staleness (Bailis et al.). A
 * line ordered long after its sku's last change should be current for any technique that propagates
 * at all; the curve shows how soon after a change a technique catches up. Pure.
 */
public final class Freshness {
  /** The upper ends of the buckets, in ms; the last bucket is everything beyond the last end. */
  static final double[] ENDS_MS = {10, 25, 50, 100, 250, 500, 1000, 2000, 5000};

  /**
   * One bucket.
   *
   * @param fromMs the time since the last change from which it counts, inclusive
   * @param toMs up to which, exclusive (infinite for the last)
   * @param lines lines in it
   * @param current those that were current
   */
  public record Bucket(double fromMs, double toMs, long lines, long current) {
    /** Current lines as a share of the bucket's (1 when empty). */
    public double currentShare() {
      return lines == 0 ? 1 : (double) current / lines;
    }
  }

  private Freshness() {}

  /** The curve of {@code lines} against {@code history} (dated by commit). */
  public static List<Bucket> of(Collection<PriceVersion> history, Collection<AuditedLine> lines) {
    Map<String, List<PriceVersion>> bySku = new HashMap<>();
    for (PriceVersion v : history) {
      bySku.computeIfAbsent(v.sku(), k -> new ArrayList<>()).add(v);
    }
    bySku.values().forEach(l -> l.sort(Comparator.comparing(PriceVersion::validFrom)));
    long[] count = new long[ENDS_MS.length + 1];
    long[] current = new long[ENDS_MS.length + 1];
    for (AuditedLine line : lines) {
      PriceVersion now = currentAt(bySku.get(line.sku()), line);
      if (now == null) {
        continue;
      }
      double sinceMs = Duration.between(now.validFrom(), line.committedAt()).toNanos() / 1e6;
      int b = 0;
      while (b < ENDS_MS.length && sinceMs >= ENDS_MS[b]) {
        b++;
      }
      count[b]++;
      if (now.version() == line.priceVersion()) {
        current[b]++;
      }
    }
    List<Bucket> buckets = new ArrayList<>(count.length);
    for (int b = 0; b < count.length; b++) {
      buckets.add(
          new Bucket(
              b == 0 ? 0 : ENDS_MS[b - 1],
              b == ENDS_MS.length ? Double.POSITIVE_INFINITY : ENDS_MS[b],
              count[b],
              current[b]));
    }
    return buckets;
  }

  /** The version valid when {@code line}'s order committed, or null. */
  private static PriceVersion currentAt(List<PriceVersion> versions, AuditedLine line) {
    if (versions == null) {
      return null;
    }
    PriceVersion found = null;
    for (PriceVersion v : versions) {
      if (v.validFrom().isAfter(line.committedAt())) {
        break;
      }
      found = v;
    }
    return found;
  }
}
