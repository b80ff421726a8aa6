package io.interservice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitInstantsTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private static Instant at(long millis) {
    return T0.plusMillis(millis);
  }

  private static PriceVersion version(long v, long from, Long to) {
    return new PriceVersion("SKU-1", v, 100 * v, "USD", at(from), to == null ? null : at(to));
  }

  @Test
  void aChangeCommittedLaterThanItsRecordedInstantStartsAtItsCommit() {
    // version 2 was timestamped at 1000 ms but its transaction, paused, committed at 2200 ms:
    // the commit closed row 1 (its last writer) and is the last write of open row 2
    List<PriceVersion> dated =
        CommitInstants.dated(
            List.of(
                new CommitInstants.Row(version(2, 1000, null), at(2200)),
                new CommitInstants.Row(version(1, 0, 1000L), at(2200))));

    assertThat(dated).containsExactly(version(1, 0, 2200L), version(2, 2200, null));
  }

  @Test
  void aVersionStartsWhenTheOneBeforeItEnded() {
    List<PriceVersion> dated =
        CommitInstants.dated(
            List.of(
                new CommitInstants.Row(version(1, 0, 1000L), at(1005)),
                new CommitInstants.Row(version(2, 1000, 3000L), at(3010)),
                new CommitInstants.Row(version(3, 3000, null), at(3010))));

    assertThat(dated)
        .containsExactly(version(1, 0, 1005L), version(2, 1005, 3010L), version(3, 3010, null));
  }

  @Test
  void withoutCommitInstantsTheRecordedOnesStay() {
    List<PriceVersion> recorded = List.of(version(1, 0, 1000L), version(2, 1000, null));

    assertThat(
            CommitInstants.dated(
                List.of(
                    new CommitInstants.Row(recorded.get(0), null),
                    new CommitInstants.Row(recorded.get(1), null))))
        .containsExactlyElementsOf(recorded);
  }

  @Test
  void anOrderCommittedWhileAChangeWasPausedIsCurrentByCommitAndStaleByRecordedInstants() {
    PriceVersion v1 = version(1, 0, 1000L);
    PriceVersion v2 = version(2, 1000, null);
    AuditedLine line =
        new AuditedLine(java.util.UUID.randomUUID(), "SKU-1", 1, 100, "USD", at(1500));

    AuditResult byRecorded =
        Audit.of(List.of(v1, v2), List.of(line), List.of(), java.util.Set.of());
    AuditResult byCommit =
        Audit.of(
            CommitInstants.dated(
                List.of(
                    new CommitInstants.Row(v1, at(2200)), new CommitInstants.Row(v2, at(2200)))),
            List.of(line),
            List.of(),
            java.util.Set.of());

    assertThat(byRecorded.stale()).isEqualTo(1);
    assertThat(byCommit.stale()).isZero();
    assertThat(byCommit.current()).isEqualTo(1);
  }
}
