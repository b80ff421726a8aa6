package io.interservice.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.access.Access;
import io.interservice.access.BreakerPolicy;
import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.RetryPolicy;
import io.interservice.access.Versioned;
import io.interservice.access.spi.OwnerCall;
import io.interservice.access.spi.OwnerRejectedException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DirectReaderTest {
  private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  private static final RetryPolicy RETRY =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 0.2, 10);
  private static final BreakerPolicy LENIENT_BREAKER =
      new BreakerPolicy(5000, 5000, 1.0, Duration.ofSeconds(5), 1);

  private final FakeClock clock = new FakeClock();
  private final List<Set<String>> requests = new ArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  /** An owner that knows every key except those starting with "X", and fails while told to. */
  private final OwnerCall<String, Integer> owner =
      (keys, timeout) -> {
        synchronized (requests) {
          requests.add(keys);
        }
        if (failuresLeft.getAndDecrement() > 0) {
          throw new IOException("connection refused");
        }
        Map<String, Versioned<Integer>> found = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (String k : keys) {
          if (k.startsWith("X")) {
            unknown.add(k);
          } else {
            found.put(k, new Versioned<>(k.length(), Provenance.fromOwner(1, AS_OF)));
          }
        }
        return new Read.Found<>(found, unknown);
      };

  private Reader<String, Integer> reader(OwnerCall<String, Integer> call, BreakerPolicy breaker) {
    return Access.direct("catalog", call)
        .retry(RETRY)
        .breaker(breaker)
        .deadline(Duration.ofSeconds(2))
        .maxBatchSize(3)
        .clock(clock)
        .sleeper(clock.sleeper())
        .random(new SplittableRandom(1))
        .build();
  }

  @Test
  void readsAllKeysInOneOwnerRequestWithProvenanceAndUnknownKeys() {
    Read<String, Integer> read = reader(owner, LENIENT_BREAKER).read(Set.of("A", "BB", "X1"));
    assertThat(requests).containsExactly(Set.of("A", "BB", "X1"));
    Read.Found<String, Integer> found = (Read.Found<String, Integer>) read;
    assertThat(found.values().get("BB").value()).isEqualTo(2);
    assertThat(found.values().get("BB").provenance().asOf()).isEqualTo(AS_OF);
    assertThat(found.unknown()).containsExactly("X1");
  }

  @Test
  void splitsReadsLargerThanTheBatchSize() {
    Read<String, Integer> read =
        reader(owner, LENIENT_BREAKER).read(Set.of("A", "B", "C", "D", "E"));
    assertThat(requests).hasSize(2);
    assertThat(((Read.Found<String, Integer>) read).values()).hasSize(5);
  }

  @Test
  void retriesAFailedAttemptAfterAJitteredBackoff() {
    failuresLeft.set(2);
    Reader<String, Integer> reader = reader(owner, LENIENT_BREAKER);
    assertThat(reader.read(Set.of("A"))).isInstanceOf(Read.Found.class);
    assertThat(requests).hasSize(3);
    assertThat(clock.sleeps).hasSize(2);
    assertThat(clock.sleeps.get(0)).isLessThanOrEqualTo(Duration.ofMillis(100));
    assertThat(clock.sleeps.get(1)).isLessThanOrEqualTo(Duration.ofMillis(200));
    assertThat(reader.stats().retries()).isEqualTo(2);
  }

  @Test
  void answersOwnerFailedWhenEveryAttemptFails() {
    failuresLeft.set(100);
    Read<String, Integer> read = reader(owner, LENIENT_BREAKER).read(Set.of("A"));
    assertThat(read)
        .isInstanceOfSatisfying(
            Read.Unavailable.class,
            down -> {
              assertThat(down.reason()).isEqualTo(Read.Reason.OWNER_FAILED);
              assertThat(down.detail()).contains("catalog", "connection refused");
            });
    assertThat(requests).hasSize(3);
  }

  @Test
  void doesNotRetryWhenTheOwnerRejectsTheRequest() {
    Read<String, Integer> read =
        reader(
                (keys, timeout) -> {
                  requests.add(keys);
                  throw new OwnerRejectedException("bad sku");
                },
                LENIENT_BREAKER)
            .read(Set.of("A"));
    assertThat(((Read.Unavailable<String, Integer>) read).reason()).isEqualTo(Read.Reason.REJECTED);
    assertThat(requests).hasSize(1);
  }

  @Test
  void givesUpWhenTheBackoffWouldPassTheDeadline() {
    failuresLeft.set(100);
    OwnerCall<String, Integer> slowFailing =
        (keys, timeout) -> {
          clock.advance(Duration.ofMillis(1990));
          return owner.fetch(keys, timeout);
        };
    Read<String, Integer> read = reader(slowFailing, LENIENT_BREAKER).read(Set.of("A"));
    assertThat(((Read.Unavailable<String, Integer>) read).reason())
        .isEqualTo(Read.Reason.DEADLINE_EXCEEDED);
    assertThat(requests).hasSize(1);
  }

  @Test
  void opensTheBreakerAfterRepeatedFailuresAndStopsAskingTheOwner() {
    failuresLeft.set(1000);
    Reader<String, Integer> reader =
        reader(owner, new BreakerPolicy(10, 5, 0.5, Duration.ofSeconds(5), 1));
    reader.read(Set.of("A"));
    reader.read(Set.of("B"));
    int callsWhenOpen = requests.size();
    Read<String, Integer> refused = reader.read(Set.of("C"));
    assertThat(requests).hasSize(callsWhenOpen);
    assertThat(refused)
        .isInstanceOfSatisfying(
            Read.Unavailable.class,
            down -> {
              assertThat(down.reason()).isEqualTo(Read.Reason.CIRCUIT_OPEN);
              assertThat(down.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
            });

    failuresLeft.set(0);
    clock.advance(Duration.ofSeconds(5));
    assertThat(reader.read(Set.of("D"))).isInstanceOf(Read.Found.class);
  }

  @Test
  void retryBudgetKeepsRetriesNearTwentyPercentOfReadsDuringAnOutage() {
    failuresLeft.set(Integer.MAX_VALUE);
    Reader<String, Integer> reader = reader(owner, LENIENT_BREAKER);
    for (int i = 0; i < 1000; i++) {
      reader.read(Set.of("K" + i));
    }
    assertThat(reader.stats().ownerCalls()).isBetween(1000L, 1210L);
    assertThat(reader.stats().unavailable()).isEqualTo(1000);
  }

  @Test
  void refusesAnEmptyRead() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> reader(owner, LENIENT_BREAKER).read(Set.of()))
        .withMessageContaining("catalog");
  }

  @Test
  void anOwnerAnsweringKeysNotAskedForOrLeavingSomeOutIsFailingNotAnswering() {
    OwnerCall<String, Integer> addsAKey =
        (keys, timeout) -> {
          Map<String, Versioned<Integer>> found = new HashMap<>();
          keys.forEach(k -> found.put(k, new Versioned<>(1, Provenance.fromOwner(1, AS_OF))));
          found.put("NOT-ASKED", new Versioned<>(0, Provenance.fromOwner(1, AS_OF)));
          return new Read.Found<>(found, Set.of());
        };
    OwnerCall<String, Integer> leavesOneOut =
        (keys, timeout) -> new Read.Found<>(Map.of(), Set.of());
    OwnerCall<String, Integer> callsAStrangerUnknown =
        (keys, timeout) -> {
          Set<String> unknown = new HashSet<>(keys);
          unknown.add("NOT-ASKED");
          return new Read.Found<>(Map.of(), unknown);
        };

    for (OwnerCall<String, Integer> hostile :
        List.of(addsAKey, leavesOneOut, callsAStrangerUnknown)) {
      Read<String, Integer> read = reader(hostile, LENIENT_BREAKER).read(Set.of("A", "B"));
      assertThat(read).isInstanceOf(Read.Unavailable.class);
      assertThat(((Read.Unavailable<String, Integer>) read).reason())
          .isEqualTo(Read.Reason.OWNER_FAILED);
    }
  }
}
