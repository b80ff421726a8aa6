package io.interservice.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Classifies order lines against the owner's price history (see DESIGN: current, stale, corrupt)
 * and finds acknowledged orders that were lost. Pure: no I/O.
 */
public final class Audit {
  private Audit() {}

  /**
   * Audits {@code lines} against {@code history}.
   *
   * @param acknowledged every order id the load driver saw acknowledged, once per acknowledgement
   * @param stored every order id in the consumer's database
   */
  public static AuditResult of(
      Collection<PriceVersion> history,
      Collection<AuditedLine> lines,
      List<UUID> acknowledged,
      Set<UUID> stored) {
    Map<String, PriceVersion> byKey = new HashMap<>();
    for (PriceVersion v : history) {
      byKey.put(v.sku() + "\u0000" + v.version(), v);
    }
    long current = 0;
    long stale = 0;
    long corrupt = 0;
    List<Long> staleness = new ArrayList<>();
    Map<String, Double> worstBySource = new java.util.TreeMap<>();
    for (AuditedLine line : lines) {
      PriceVersion v = byKey.get(line.sku() + "\u0000" + line.priceVersion());
      if (v == null || v.price() != line.unitPrice() || !v.currency().equals(line.currency())) {
        corrupt++;
      } else if (validAt(v, line)) {
        current++;
      } else {
        stale++;
        long micros = stalenessMicros(v, line);
        staleness.add(micros);
        worstBySource.merge(line.source(), micros / 1000.0, Math::max);
      }
    }
    Set<UUID> seen = new HashSet<>();
    long duplicates = 0;
    long lost = 0;
    for (UUID id : acknowledged) {
      if (!seen.add(id)) {
        duplicates++;
      } else if (!stored.contains(id)) {
        lost++;
      }
    }
    long[] sorted = staleness.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new AuditResult(
        lines.size(),
        current,
        stale,
        corrupt,
        lost,
        duplicates,
        percentile(sorted, 0.99) / 1000.0,
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
        Freshness.of(history, lines),
        bySource(lines),
        worstBySource);
  }

  private static Map<String, Long> bySource(Collection<AuditedLine> lines) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    lines.forEach(l -> counts.merge(l.source(), 1L, Long::sum));
    return counts;
  }

  private static boolean validAt(PriceVersion v, AuditedLine line) {
    return !line.committedAt().isBefore(v.validFrom())
        && (v.validTo() == null || line.committedAt().isBefore(v.validTo()));
  }

  /** How long before the commit the version stopped being valid; 0 if it was not valid yet. */
  private static long stalenessMicros(PriceVersion v, AuditedLine line) {
    if (v.validTo() == null || line.committedAt().isBefore(v.validTo())) {
      return 0;
    }
    Duration d = Duration.between(v.validTo(), line.committedAt());
    return d.toNanos() / 1000;
  }

  /** Nearest-rank percentile of a sorted array; 0 when empty. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
