package io.interservice.audit;

/**
 * What the audit found.
 *
 * @param lines order lines audited
 * @param current lines whose price version was the current one at the order's commit
 * @param stale lines whose version was no longer (or not yet) current at the commit
 * @param corrupt lines whose (sku, version, price, currency) never existed at the owner
 * @param lost orders acknowledged to the client (2xx) that the consumer's database lacks
 * @param duplicateIds order ids acknowledged more than once for different requests
 * @param stalenessP99Ms 99th percentile of staleness over stale lines, in ms (0 when none)
 * @param stalenessMaxMs largest staleness in ms (0 when none)
 * @param freshness the share of current lines by the time since their sku last changed
 * @param linesBySource lines by where their price came from
 * @param stalenessMaxMsBySource the largest staleness of the stale lines of each source, in ms
 */
public record AuditResult(
    long lines,
    long current,
    long stale,
    long corrupt,
    long lost,
    long duplicateIds,
    double stalenessP99Ms,
    double stalenessMaxMs,
    java.util.List<Freshness.Bucket> freshness,
    java.util.Map<String, Long> linesBySource,
    java.util.Map<String, Double> stalenessMaxMsBySource) {

  /** Stale lines as a share of all lines (0 when there are none). */
  public double staleRate() {
    return lines == 0 ? 0 : (double) stale / lines;
  }
}
