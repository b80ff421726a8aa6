package io.interservice.access.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.access.Access;
import io.interservice.access.Read;
import io.interservice.access.spi.Change;
import io.interservice.access.spi.ChangeFeed;
import io.interservice.access.spi.ReplicaSink;
import io.interservice.protocol.Buckets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicaTest {
  private static final int BUCKETS = 8;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A feed the test drives by hand. */
  private static final class ManualFeed implements ChangeFeed<String, Long> {
    ReplicaSink<String, Long> sink;
    boolean closed;

    @Override
    public void start(ReplicaSink<String, Long> target) {
      sink = target;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private final MutableClock clock = new MutableClock();
  private final ManualFeed feed = new ManualFeed();
  private final Replica<String, Long> replica =
      Access.replica("owner", feed)
          .digest(v -> Buckets.digest(Long.toString(v)))
          .clock(clock)
          .build();

  @Test
  void answersNotReadyUntilTheFeedHasBootstrappedIt() {
    feed.sink.apply(upsert("a", 100, 1));
    assertThat(replica.read(Set.of("a")))
        .isInstanceOfSatisfying(
            Read.Unavailable.class, u -> assertThat(u.reason()).isEqualTo(Read.Reason.NOT_READY));
    assertThat(replica.ready()).isFalse();

    feed.sink.bootstrapped();

    assertThat(value("a")).isEqualTo(100L);
  }

  @Test
  void appliesByVersionSoOlderAndRepeatedChangesChangeNothing() {
    feed.sink.bootstrapped();
    assertThat(feed.sink.apply(upsert("a", 100, 2))).isTrue();
    assertThat(feed.sink.apply(upsert("a", 90, 1))).isFalse();
    assertThat(feed.sink.apply(upsert("a", 100, 2))).isFalse();

    assertThat(value("a")).isEqualTo(100L);
    assertThat(replica.replicaStats().applied()).isEqualTo(1);
    assertThat(replica.replicaStats().ignored()).isEqualTo(2);
  }

  @Test
  void aDeleteRemovesTheKeyAndAnOlderUpsertCannotBringItBack() {
    feed.sink.bootstrapped();
    feed.sink.apply(upsert("a", 100, 1));

    feed.sink.apply(new Change.Delete<>("a", 2, T0));
    feed.sink.apply(upsert("a", 100, 1));

    assertThat(unknown("a")).isTrue();
    assertThat(replica.replicaStats().tombstones()).isEqualTo(1);
    assertThat(replica.replicaStats().deletes()).isEqualTo(1);
  }

  @Test
  void reconciliationFindsAWrongValueUnderTheRightVersionAndRepairsIt() {
    feed.sink.bootstrapped();
    feed.sink.apply(upsert("a", 999, 3)); // corrupted: the owner's version 3 is 100
    List<Change.Upsert<String, Long>> owners = List.of(upsert("a", 100, 3));

    int bucket = differingBucket(owners);
    clock.advance();
    int fixed = feed.sink.replaceBucket(bucket, BUCKETS, inBucket(owners, bucket), clock.instant());

    assertThat(fixed).isEqualTo(1);
    assertThat(value("a")).isEqualTo(100L);
    assertThat(differingBuckets(owners)).isEmpty();
  }

  @Test
  void aCopyAheadOfARestoredOwnerHealsInsteadOfReloadingForever() {
    feed.sink.bootstrapped();
    feed.sink.apply(upsert("a", 300, 7)); // the owner was restored to version 5
    List<Change.Upsert<String, Long>> owners = List.of(upsert("a", 250, 5));

    clock.advance();
    int bucket = differingBucket(owners);
    feed.sink.replaceBucket(bucket, BUCKETS, inBucket(owners, bucket), clock.instant());

    assertThat(value("a")).isEqualTo(250L);
    assertThat(differingBuckets(owners)).as("a second reconciliation finds nothing").isEmpty();
  }

  @Test
  void reconciliationRemovesKeysTheOwnerNoLongerHas() {
    feed.sink.bootstrapped();
    feed.sink.apply(upsert("a", 1, 1));
    feed.sink.apply(upsert("gone", 1, 1));
    List<Change.Upsert<String, Long>> owners = List.of(upsert("a", 1, 1));

    clock.advance();
    for (int b : differingBuckets(owners)) {
      feed.sink.replaceBucket(b, BUCKETS, inBucket(owners, b), clock.instant());
    }

    assertThat(unknown("gone")).isTrue();
  }

  @Test
  void aChangeAppliedAfterTheOwnerWasAskedSurvivesTheReload() {
    feed.sink.bootstrapped();
    Instant askedAt = clock.instant();
    clock.advance();
    feed.sink.apply(upsert("a", 120, 4)); // delivered while the snapshot was on its way

    feed.sink.replaceBucket(
        Buckets.of("a", BUCKETS), BUCKETS, List.of(upsert("a", 100, 3)), askedAt);

    assertThat(value("a")).isEqualTo(120L);
  }

  @Test
  void theWatermarkOnlyMovesForward() {
    feed.sink.apply(new Change.Watermark<>(T0.plusSeconds(2)));
    feed.sink.apply(new Change.Watermark<>(T0.plusSeconds(1)));

    assertThat(replica.watermark()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void closingTheReplicaClosesItsFeed() {
    replica.close();

    assertThat(feed.closed).isTrue();
  }

  private boolean unknown(String key) {
    return replica.read(Set.of(key)) instanceof Read.Found<String, Long> f
        && f.unknown().equals(Set.of(key));
  }

  private long value(String key) {
    Read<String, Long> read = replica.read(Set.of(key));
    assertThat(read).isInstanceOf(Read.Found.class);
    return ((Read.Found<String, Long>) read).values().get(key).value();
  }

  private int differingBucket(List<Change.Upsert<String, Long>> owners) {
    List<Integer> differ = differingBuckets(owners);
    assertThat(differ).hasSize(1);
    return differ.get(0);
  }

  private List<Integer> differingBuckets(List<Change.Upsert<String, Long>> owners) {
    Buckets.Sums theirs = new Buckets.Sums(BUCKETS);
    owners.forEach(u -> theirs.add(u.key(), u.version(), Buckets.digest(u.value().toString())));
    Buckets.Sums ours = feed.sink.checksums(BUCKETS);
    List<Integer> differ = new ArrayList<>();
    for (int b = 0; b < BUCKETS; b++) {
      if (theirs.count(b) != ours.count(b) || theirs.checksum(b) != ours.checksum(b)) {
        differ.add(b);
      }
    }
    return differ;
  }

  private static List<Change.Upsert<String, Long>> inBucket(
      List<Change.Upsert<String, Long>> all, int bucket) {
    return all.stream().filter(u -> Buckets.of(u.key(), BUCKETS) == bucket).toList();
  }

  private static Change.Upsert<String, Long> upsert(String key, long value, long version) {
    return new Change.Upsert<>(key, value, version, T0);
  }

  private static final class MutableClock implements InstantSource {
    private Instant now = T0;

    @Override
    public Instant instant() {
      return now;
    }

    void advance() {
      now = now.plus(Duration.ofSeconds(1));
    }
  }
}
