package io.interservice.owner.quotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuoteBoardTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final InstantSource clock = () -> now.get();
  private final CountDownLatch release = new CountDownLatch(1);
  private final QuoteBoard<List<String>> board =
      new QuoteBoard<>(2, 2, clock, Duration.ofSeconds(60));

  private List<String> slowWork() throws InterruptedException {
    release.await();
    return List.of("A");
  }

  @AfterEach
  void close() {
    release.countDown();
    board.close();
  }

  @Test
  void workNotDoneWithinThePatienceIsPendingThenDone() throws Exception {
    QuoteBoard.State<List<String>> started = board.start(this::slowWork, Duration.ofMillis(10));
    assertThat(started).isInstanceOf(QuoteBoard.State.Pending.class);
    assertThat(board.find(started.id())).containsInstanceOf(QuoteBoard.State.Pending.class);

    release.countDown();

    await().until(() -> board.find(started.id()).orElseThrow() instanceof QuoteBoard.State.Done);
    assertThat(
            ((QuoteBoard.State.Done<List<String>>) board.find(started.id()).orElseThrow()).result())
        .containsExactly("A");
  }

  @Test
  void aDoneQuoteExpiresAfterItsTtlIsThenGoneThenUnknown() throws Exception {
    release.countDown();
    QuoteBoard.State<List<String>> done = board.start(this::slowWork, Duration.ofSeconds(5));
    assertThat(done).isInstanceOf(QuoteBoard.State.Done.class);

    now.set(now.get().plusSeconds(61));
    assertThat(board.find(done.id())).containsInstanceOf(QuoteBoard.State.Gone.class);

    now.set(now.get().plusSeconds(61));
    assertThat(board.find(done.id())).isEmpty();
  }

  @Test
  void aFullQueueRefusesNewWorkInsteadOfQueueingIt() throws Exception {
    for (int i = 0; i < 4; i++) { // two running, two queued
      board.start(this::slowWork, Duration.ZERO);
    }

    assertThatThrownBy(() -> board.start(this::slowWork, Duration.ZERO))
        .isInstanceOf(QuoteBoard.BusyException.class)
        .hasMessageContaining("2 quotes wait");
  }

  @Test
  void aQuoteThatNeverExistedIsUnknown() {
    assertThat(board.find(UUID.randomUUID())).isEmpty();
  }
}
