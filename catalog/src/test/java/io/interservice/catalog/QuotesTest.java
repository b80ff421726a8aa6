package io.interservice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuotesTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final InstantSource clock = () -> now.get();
  private final CountDownLatch release = new CountDownLatch(1);
  private final Quotes quotes =
      new Quotes(
          2,
          (id, skus) -> {
            release.await();
            return new Quotes.State.Done(id, List.of(), List.copyOf(skus));
          },
          clock,
          Duration.ofSeconds(60));

  @AfterEach
  void close() {
    release.countDown();
    quotes.close();
  }

  @Test
  void aQuoteNotDoneWithinThePatienceIsPendingThenDone() throws Exception {
    Quotes.State started = quotes.start(List.of("A"), Duration.ofMillis(10));
    assertThat(started).isInstanceOf(Quotes.State.Pending.class);
    UUID id = ((Quotes.State.Pending) started).id();
    assertThat(quotes.find(id)).containsInstanceOf(Quotes.State.Pending.class);

    release.countDown();

    org.awaitility.Awaitility.await()
        .until(() -> quotes.find(id).orElseThrow() instanceof Quotes.State.Done);
  }

  @Test
  void aDoneQuoteExpiresAfterItsTtlAndIsThenGoneThenUnknown() throws Exception {
    release.countDown();
    Quotes.State done = quotes.start(List.of("A"), Duration.ofSeconds(5));
    UUID id = ((Quotes.State.Done) done).id();

    now.set(now.get().plusSeconds(61));
    assertThat(quotes.find(id)).containsInstanceOf(Quotes.State.Gone.class);

    now.set(now.get().plusSeconds(61));
    assertThat(quotes.find(id)).isEmpty();
  }

  @Test
  void aQuoteThatNeverExistedIsUnknown() {
    assertThat(quotes.find(UUID.randomUUID())).isEmpty();
  }
}
