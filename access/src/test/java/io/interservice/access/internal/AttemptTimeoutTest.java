package io.interservice.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.access.Access;
import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.RetryPolicy;
import io.interservice.access.Versioned;
import io.interservice.access.spi.OwnerCall;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The attempt timeout holds whatever the call does with the timeout it is given. */
class AttemptTimeoutTest {
  private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");

  private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicBoolean callInterrupted = new AtomicBoolean();

  /**
   * An owner that never answers and ignores its timeout, failing only when interrupted, as a socket
   * read on a virtual thread does: it throws and leaves the thread's interrupt status set.
   */
  private final OwnerCall<String, Integer> hanging =
      (keys, timeout) -> {
        while (!Thread.currentThread().isInterrupted()) {
          LockSupport.park();
        }
        callInterrupted.set(true);
        throw new SocketException("Closed by interrupt");
      };

  private final OwnerCall<String, Integer> answering =
      (keys, timeout) ->
          new Read.Found<>(
              Map.of("A", new Versioned<>(1, Provenance.fromOwner(1, AS_OF))), Set.of());

  @AfterEach
  void stop() {
    virtualThreads.shutdownNow();
  }

  private static Reader<String, Integer> reader(OwnerCall<String, Integer> call) {
    return Access.direct("catalog", call)
        .attemptTimeout(Duration.ofMillis(100))
        .deadline(Duration.ofSeconds(5))
        .retry(RetryPolicy.NONE)
        .build();
  }

  /** What a read on a virtual thread returned, and whether that thread was left interrupted. */
  private record Outcome(Read<String, Integer> read, boolean leftInterrupted) {}

  private Outcome readOnAVirtualThread(Reader<String, Integer> reader, int times) throws Exception {
    return virtualThreads
        .submit(() -> {
          Read<String, Integer> read = null;
          for (int i = 0; i < times; i++) {
            read = reader.read(Set.of("A"));
          }
          return new Outcome(read, Thread.currentThread().isInterrupted());
        })
        .get(30, TimeUnit.SECONDS);
  }

  @Test
  void aCallThatIgnoresItsTimeoutIsInterruptedAtItOnTheCallersVirtualThread() throws Exception {
    Outcome outcome = readOnAVirtualThread(reader(hanging), 1);

    assertThat(outcome.read())
        .isInstanceOfSatisfying(
            Read.Unavailable.class, down -> assertThat(down.detail()).contains("timed out"));
    assertThat(callInterrupted).isTrue();
    assertThat(outcome.leftInterrupted()).isFalse();
    assertThat(AttemptTimer.pending()).isZero();
  }

  @Test
  void aCallThatIgnoresItsTimeoutIsAbandonedAtItOnAPlatformThread() {
    Read<String, Integer> read = reader(hanging).read(Set.of("A"));

    assertThat(read)
        .isInstanceOfSatisfying(
            Read.Unavailable.class, down -> assertThat(down.detail()).contains("timed out"));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void attemptsThatEndInTimeLeaveNoTimerBehindAndNoInterrupt() throws Exception {
    Outcome outcome = readOnAVirtualThread(reader(answering), 200);

    assertThat(outcome.read()).isInstanceOf(Read.Found.class);
    assertThat(outcome.leftInterrupted()).isFalse();
    assertThat(AttemptTimer.pending()).isZero();
  }

  @Test
  void attemptsThatEndInTimeDoNotWakeTheTimerForEachOfThem() throws Exception {
    Reader<String, Integer> reader =
        Access.direct("catalog", answering)
            .attemptTimeout(Duration.ofSeconds(1))
            .retry(RetryPolicy.NONE)
            .build();
    readOnAVirtualThread(reader, 1);
    long looksBefore = AttemptTimer.looks();
    long start = System.nanoTime();

    Outcome outcome = readOnAVirtualThread(reader, 1_000);

    long rounds = (System.nanoTime() - start) / AttemptTimer.ROUND;
    assertThat(outcome.read()).isInstanceOf(Read.Found.class);
    assertThat(AttemptTimer.looks() - looksBefore).isLessThanOrEqualTo(rounds + 3);
    assertThat(AttemptTimer.pending()).isZero();
  }
}
