package io.interservice.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.access.Access;
import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.ReaderStats;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheAsideReaderTest {
  private final FakeClock clock = new FakeClock();
  private final List<Set<String>> asked = new ArrayList<>();
  private final List<Runnable> backgroundTasks = new ArrayList<>();
  private final Map<String, Integer> prices = new HashMap<>(Map.of("A", 100, "B", 200));
  private final Map<String, Long> versions = new HashMap<>(Map.of("A", 1L, "B", 1L));
  private boolean ownerDown;

  /** The owner: knows A and B, answers at the fake clock's time, or is down. */
  private final Reader<String, Integer> owner =
      new Reader<>() {
        @Override
        public Read<String, Integer> read(Set<String> keys) {
          asked.add(Set.copyOf(keys));
          if (ownerDown) {
            return new Read.Unavailable<>(
                "catalog", Read.Reason.OWNER_FAILED, "down", Duration.ofSeconds(1));
          }
          Map<String, Versioned<Integer>> found = new HashMap<>();
          Set<String> unknown = new HashSet<>();
          for (String k : keys) {
            if (prices.containsKey(k)) {
              found.put(
                  k,
                  new Versioned<>(
                      prices.get(k), Provenance.fromOwner(versions.get(k), clock.instant())));
            } else {
              unknown.add(k);
            }
          }
          return new Read.Found<>(found, unknown);
        }

        @Override
        public ReaderStats stats() {
          return new ReaderStats(0, asked.size(), 0, 0, 0, 0);
        }
      };

  private final Reader<String, Integer> cache =
      Access.cacheAside(owner)
          .fresh(Duration.ofSeconds(10))
          .refreshAfter(Duration.ofSeconds(8))
          .maxStale(Duration.ofSeconds(60))
          .negative(Duration.ofSeconds(2))
          .clock(clock)
          .refreshExecutor(backgroundTasks::add)
          .build();

  private Read.Found<String, Integer> found(Read<String, Integer> read) {
    assertThat(read).isInstanceOf(Read.Found.class);
    return (Read.Found<String, Integer>) read;
  }

  private void changePrice(String sku, int price) {
    prices.put(sku, price);
    versions.merge(sku, 1L, Long::sum);
  }

  @Test
  void loadsMissesInOneBatchAndServesFreshValuesLocally() {
    found(cache.read(Set.of("A", "B")));
    clock.advance(Duration.ofSeconds(5));
    Read.Found<String, Integer> again = found(cache.read(Set.of("A", "B")));

    assertThat(asked).containsExactly(Set.of("A", "B"));
    assertThat(again.values().get("A").provenance().source()).isEqualTo(Source.CACHE);
    // 5 s old at the start of the millisecond the read falls in, 5.001 s at its end
    assertThat(again.values().get("A").provenance().stalenessBound())
        .isEqualTo(Duration.ofMillis(5_001));
  }

  @Test
  void aStalenessBoundRunsToTheEndOfTheMillisecondOfTheReadAndReadsInItShareOneAnswer() {
    clock.advance(Duration.ofNanos(400_000));
    cache.read(Set.of("A")); // the owner's answer is current 0.4 ms into the first millisecond
    clock.advance(Duration.ofNanos(2_500_000)); // 2.5 ms later, 0.9 ms into the third

    Versioned<Integer> first = found(cache.read(Set.of("A"))).values().get("A");
    Versioned<Integer> sameMillisecond = found(cache.read(Set.of("A", "B"))).values().get("A");
    clock.advance(Duration.ofNanos(200_000));
    Versioned<Integer> nextMillisecond = found(cache.read(Set.of("A"))).values().get("A");

    assertThat(first.provenance().stalenessBound()).isEqualTo(Duration.ofMillis(3));
    assertThat(sameMillisecond).isSameAs(first);
    assertThat(nextMillisecond.provenance().stalenessBound()).isEqualTo(Duration.ofMillis(4));
  }

  @Test
  void aValuePastItsFreshTimeIsLoadedAgainAndShowsTheNewVersion() {
    cache.read(Set.of("A"));
    changePrice("A", 150);
    clock.advance(Duration.ofSeconds(9));
    assertThat(found(cache.read(Set.of("A"))).values().get("A").value()).isEqualTo(100);
    clock.advance(Duration.ofSeconds(1));

    Versioned<Integer> a = found(cache.read(Set.of("A"))).values().get("A");

    assertThat(a.value()).isEqualTo(150);
    assertThat(a.provenance().version()).isEqualTo(2);
  }

  @Test
  void pastRefreshAfterTheReadIsServedAndTheValueReloadedInTheBackground() {
    cache.read(Set.of("A"));
    changePrice("A", 175);
    clock.advance(Duration.ofSeconds(8));

    assertThat(found(cache.read(Set.of("A"))).values().get("A").value()).isEqualTo(100);
    assertThat(backgroundTasks).as("the batch gathers for a second").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(found(cache.read(Set.of("A"))).values().get("A").value()).isEqualTo(100);
    assertThat(backgroundTasks).hasSize(1);
    backgroundTasks.get(0).run();

    assertThat(found(cache.read(Set.of("A"))).values().get("A").value()).isEqualTo(175);
    assertThat(asked).hasSize(2);
  }

  @Test
  void keysDueForRefreshInOneSecondAreReloadedInOneOwnerCall() {
    prices.putAll(Map.of("C", 300, "D", 400));
    versions.putAll(Map.of("C", 1L, "D", 1L));
    cache.read(Set.of("A", "B"));
    clock.advance(Duration.ofMillis(500));
    cache.read(Set.of("C", "D"));
    clock.advance(Duration.ofMillis(7_600));
    cache.read(Set.of("A"));
    clock.advance(Duration.ofMillis(300));
    cache.read(Set.of("B"));
    clock.advance(Duration.ofMillis(300));
    cache.read(Set.of("C", "D"));
    assertThat(backgroundTasks).isEmpty();

    clock.advance(Duration.ofMillis(400));
    cache.read(Set.of("A"));

    assertThat(backgroundTasks).hasSize(1);
    backgroundTasks.get(0).run();
    assertThat(asked)
        .containsExactly(Set.of("A", "B"), Set.of("C", "D"), Set.of("A", "B", "C", "D"));
  }

  @Test
  void aFullRefreshBatchIsReloadedAtOnce() {
    Set<String> many = new HashSet<>();
    for (int i = 0; i < CacheAsideReader.REFRESH_BATCH_KEYS; i++) {
      String key = "K" + i;
      prices.put(key, i);
      versions.put(key, 1L);
      many.add(key);
    }
    cache.read(many);
    clock.advance(Duration.ofSeconds(8));

    cache.read(many);

    assertThat(backgroundTasks).hasSize(1);
    backgroundTasks.get(0).run();
    assertThat(asked).containsExactly(many, many);
  }

  @Test
  void servesStaleValuesWithTheirAgeWhileTheOwnerIsDownUpToTheMaximumStaleAge() {
    cache.read(Set.of("A"));
    ownerDown = true;
    clock.advance(Duration.ofSeconds(30));

    Versioned<Integer> stale = found(cache.read(Set.of("A"))).values().get("A");
    assertThat(stale.value()).isEqualTo(100);
    assertThat(stale.provenance().stalenessBound()).isEqualTo(Duration.ofMillis(30_001));

    clock.advance(Duration.ofSeconds(31));
    assertThat(cache.read(Set.of("A"))).isInstanceOf(Read.Unavailable.class);
  }

  @Test
  void aKeyNeverLoadedIsUnavailableWhileTheOwnerIsDown() {
    cache.read(Set.of("A"));
    ownerDown = true;
    clock.advance(Duration.ofSeconds(11));
    assertThat(cache.read(Set.of("A", "B"))).isInstanceOf(Read.Unavailable.class);
  }

  @Test
  void unknownKeysAreRememberedBriefly() {
    assertThat(found(cache.read(Set.of("X"))).unknown()).containsExactly("X");
    clock.advance(Duration.ofSeconds(1));
    assertThat(found(cache.read(Set.of("X"))).unknown()).containsExactly("X");
    assertThat(asked).hasSize(1);
    clock.advance(Duration.ofSeconds(2));
    cache.read(Set.of("X"));
    assertThat(asked).hasSize(2);
  }
}
