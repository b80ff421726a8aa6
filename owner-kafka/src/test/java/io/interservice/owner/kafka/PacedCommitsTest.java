package io.interservice.owner.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PacedCommitsTest {
  private static final TopicPartition PARTITION = new TopicPartition("answers", 0);
  private static final Duration SECOND = Duration.ofSeconds(1);

  private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
  private final AtomicLong clock = new AtomicLong(5_000_000_000L);
  private final PacedCommits commits = new PacedCommits(consumer, SECOND, clock::get);
  private long nextOffset;

  @BeforeEach
  void assignThePartition() {
    consumer.assign(List.of(PARTITION));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
  }

  @Test
  void recordsHandledWithinTheIntervalAreNotCommittedYet() {
    commits.handled(pollOf(3));
    advance(Duration.ofMillis(400));
    commits.handled(pollOf(2));

    assertThat(committed()).as("nothing committed before a second passed").isNull();
  }

  @Test
  void onceTheIntervalPassedEveryRecordHandledSoFarIsCommitted() {
    commits.handled(pollOf(3));
    advance(Duration.ofMillis(600));
    commits.handled(pollOf(2));
    advance(Duration.ofMillis(400));
    commits.handled(pollOf(1));

    assertThat(committed()).isEqualTo(6);
  }

  @Test
  void anEmptyPollCommitsWhatIsPendingOnceTheIntervalPassed() {
    commits.handled(pollOf(4));
    advance(Duration.ofMillis(999));
    commits.handled(pollOf(0));
    assertThat(committed()).isNull();

    advance(Duration.ofMillis(1));
    commits.handled(pollOf(0));
    assertThat(committed()).isEqualTo(4);
  }

  @Test
  void anIdleConsumerDoesNotCommitAgain() {
    commits.handled(pollOf(1));
    advance(SECOND);
    commits.handled(pollOf(0));
    consumer.commitSync(
        Map.of(PARTITION, new OffsetAndMetadata(0))); // a marker to see a new commit

    advance(SECOND.multipliedBy(5));
    commits.handled(pollOf(0));

    assertThat(committed()).as("no commit since the marker").isZero();
  }

  @Test
  void flushCommitsWhatIsPendingAtOnceAndNothingWhenNothingIs() {
    commits.handled(pollOf(2));
    commits.flush();
    assertThat(committed()).isEqualTo(2);

    consumer.commitSync(Map.of(PARTITION, new OffsetAndMetadata(0)));
    commits.flush();
    assertThat(committed()).isZero();
  }

  /** Adds {@code n} records, polls them, and returns how many the poll returned. */
  private int pollOf(int n) {
    for (int i = 0; i < n; i++) {
      consumer.addRecord(new ConsumerRecord<>("answers", 0, nextOffset++, "k", "v"));
    }
    return consumer.poll(Duration.ZERO).count();
  }

  private void advance(Duration d) {
    clock.addAndGet(d.toNanos());
  }

  private Long committed() {
    OffsetAndMetadata o = consumer.committed(Set.of(PARTITION)).get(PARTITION);
    return o == null ? null : o.offset();
  }
}
