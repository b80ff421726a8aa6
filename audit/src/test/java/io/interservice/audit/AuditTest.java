package io.interservice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-000000000001");

  /** SKU-1 cost 100 from T0 to T0+10s (v1), then 150 (v2, current). */
  private static final List<PriceVersion> HISTORY =
      List.of(
          new PriceVersion("SKU-1", 1, 100, "USD", T0, T0.plusSeconds(10)),
          new PriceVersion("SKU-1", 2, 150, "USD", T0.plusSeconds(10), null));

  private static AuditedLine line(long version, long price, Instant committed) {
    return new AuditedLine(ORDER, "SKU-1", version, price, "USD", committed);
  }

  private static AuditResult audit(AuditedLine... lines) {
    return Audit.of(HISTORY, List.of(lines), List.of(ORDER), Set.of(ORDER));
  }

  @Test
  void aLineWithTheVersionValidAtCommitIsCurrent() {
    AuditResult r = audit(line(1, 100, T0.plusSeconds(5)), line(2, 150, T0.plusSeconds(60)));
    assertThat(r.current()).isEqualTo(2);
    assertThat(r.stale()).isZero();
    assertThat(r.corrupt()).isZero();
  }

  @Test
  void validFromIsInclusiveAndValidToExclusive() {
    assertThat(audit(line(2, 150, T0.plusSeconds(10))).current()).isEqualTo(1);
    assertThat(audit(line(1, 100, T0.plusSeconds(10))).stale()).isEqualTo(1);
  }

  @Test
  void aLineCommittedAfterItsVersionWasReplacedIsStaleByTheTimeSinceReplacement() {
    AuditResult r = audit(line(1, 100, T0.plusSeconds(10).plusMillis(250)));
    assertThat(r.stale()).isEqualTo(1);
    assertThat(r.stalenessMaxMs()).isEqualTo(250.0);
    assertThat(r.stalenessP99Ms()).isEqualTo(250.0);
    assertThat(r.staleRate()).isEqualTo(1.0);
  }

  @Test
  void stalenessPercentilesComeFromTheStaleLinesOnly() {
    AuditedLine[] lines = new AuditedLine[101];
    for (int i = 0; i < 100; i++) {
      lines[i] = line(1, 100, T0.plusSeconds(10).plusMillis(i + 1));
    }
    lines[100] = line(2, 150, T0.plusSeconds(20));
    AuditResult r = audit(lines);
    assertThat(r.stale()).isEqualTo(100);
    assertThat(r.current()).isEqualTo(1);
    assertThat(r.stalenessP99Ms()).isEqualTo(99.0);
    assertThat(r.stalenessMaxMs()).isEqualTo(100.0);
  }

  @Test
  void aPriceThatNeverExistedForThatVersionIsCorrupt() {
    AuditResult r =
        audit(
            line(1, 101, T0.plusSeconds(5)),
            line(3, 150, T0.plusSeconds(60)),
            new AuditedLine(ORDER, "SKU-1", 2, 150, "EUR", T0.plusSeconds(60)),
            new AuditedLine(ORDER, "SKU-404", 1, 100, "USD", T0.plusSeconds(5)));
    assertThat(r.corrupt()).isEqualTo(4);
    assertThat(r.current()).isZero();
  }

  @Test
  void anAcknowledgedOrderMissingFromTheDatabaseIsLost() {
    UUID missing = UUID.fromString("00000000-0000-0000-0000-000000000002");
    AuditResult r = Audit.of(HISTORY, List.of(), List.of(ORDER, missing), Set.of(ORDER));
    assertThat(r.lost()).isEqualTo(1);
  }

  @Test
  void anIdAcknowledgedTwiceIsCountedAsADuplicate() {
    AuditResult r = Audit.of(HISTORY, List.of(), List.of(ORDER, ORDER), Set.of(ORDER));
    assertThat(r.duplicateIds()).isEqualTo(1);
    assertThat(r.lost()).isZero();
  }
}
