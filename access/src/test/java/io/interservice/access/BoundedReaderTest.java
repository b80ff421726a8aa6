package io.interservice.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interservice.access.replica.Replica;
import io.interservice.access.spi.Change;
import io.interservice.access.spi.ChangeFeed;
import io.interservice.access.spi.ReplicaSink;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BoundedReaderTest {
  private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
  private static final Duration BOUND = Duration.ofMillis(500);

  /** A feed the test drives by hand. */
  private static final class ManualFeed implements ChangeFeed<String, Long> {
    ReplicaSink<String, Long> sink;

    @Override
    public void start(ReplicaSink<String, Long> target) {
      sink = target;
    }

    @Override
    public void close() {}
  }

  /** The owner as the test wants it: answering 7 at version 9, or down. */
  private static final class Owner implements Reader<String, Long> {
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean down;

    @Override
    public Read<String, Long> read(Set<String> keys) {
      calls.incrementAndGet();
      if (down) {
        return new Read.Unavailable<>(
            "owner", Read.Reason.OWNER_FAILED, "down", Duration.ofSeconds(2));
      }
      return new Read.Found<>(
          Map.of("a", new Versioned<>(7L, Provenance.fromOwner(9, now.get()))), Set.of());
    }

    @Override
    public ReaderStats stats() {
      return new ReaderStats(calls.get(), calls.get(), 0, 0, 0, 0);
    }
  }

  private static final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InstantSource clock = () -> now.get();
  private final ManualFeed feed = new ManualFeed();
  private final Replica<String, Long> replica =
      Access.replica("owner", feed).digest(v -> v).clock(clock).build();
  private final Owner owner = new Owner();

  BoundedReaderTest() {
    now.set(T0);
    feed.sink.apply(new Change.Upsert<>("a", 5L, 3, T0.minusSeconds(60)));
    feed.sink.bootstrapped();
  }

  private Reader<String, Long> reader(BoundPolicy policy, Sleeper sleeper) {
    return Access.bounded(replica, owner)
        .bound(BOUND)
        .policy(policy)
        .waitLimit(Duration.ofSeconds(1))
        .clock(clock)
        .sleeper(sleeper)
        .build();
  }

  private Reader<String, Long> reader(BoundPolicy policy) {
    return reader(policy, d -> now.set(now.get().plus(d)));
  }

  private static Versioned<Long> a(Read<String, Long> read) {
    assertThat(read).isInstanceOf(Read.Found.class);
    return ((Read.Found<String, Long>) read).values().get("a");
  }

  @Test
  void withinTheBoundTheReplicaAnswersDatedByItsWatermark() {
    feed.sink.apply(new Change.Watermark<>(T0.minusMillis(200)));

    Versioned<Long> read = a(reader(BoundPolicy.REJECT).read(Set.of("a")));

    assertThat(read.value()).isEqualTo(5L);
    assertThat(read.provenance().source()).isEqualTo(Source.BOUNDED_REPLICA);
    assertThat(read.provenance().asOf()).isEqualTo(T0.minusMillis(200));
    assertThat(read.provenance().stalenessBound()).isEqualTo(BOUND);
    assertThat(owner.calls).hasValue(0);
  }

  @Test
  void aWatermarkExactlyAsOldAsTheBoundStillServesLocallyAndOneMillisecondMoreAsksTheOwner() {
    feed.sink.apply(new Change.Watermark<>(T0.minus(BOUND)));
    Reader<String, Long> reader = reader(BoundPolicy.REJECT);
    assertThat(a(reader.read(Set.of("a"))).provenance().source()).isEqualTo(Source.BOUNDED_REPLICA);

    now.set(T0.plusMillis(1));

    Versioned<Long> read = a(reader.read(Set.of("a")));
    assertThat(read.provenance().source()).isEqualTo(Source.OWNER);
    assertThat(read.value()).isEqualTo(7L);
    assertThat(owner.calls).hasValue(1);
  }

  @Test
  void noWatermarkYetMeansTheOwnerIsAsked() {
    assertThat(a(reader(BoundPolicy.REJECT).read(Set.of("a"))).provenance().source())
        .isEqualTo(Source.OWNER);
  }

  @Test
  void rejectAnswersUnavailableWhenPastTheBoundAndTheOwnerCannotAnswer() {
    feed.sink.apply(new Change.Watermark<>(T0.minusSeconds(2)));
    owner.down = true;

    assertThat(reader(BoundPolicy.REJECT).read(Set.of("a")))
        .isInstanceOfSatisfying(
            Read.Unavailable.class,
            u -> assertThat(u.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
  }

  @Test
  void serveStaleServesTheReplicaMarkedBeyondTheBoundWithNoBoundPromised() {
    feed.sink.apply(new Change.Watermark<>(T0.minusSeconds(2)));
    owner.down = true;

    Versioned<Long> read = a(reader(BoundPolicy.SERVE_STALE).read(Set.of("a")));

    assertThat(read.value()).isEqualTo(5L);
    assertThat(read.provenance().source()).isEqualTo(Source.BEYOND_BOUND);
    assertThat(read.provenance().stalenessBound()).isNull();
  }

  @Test
  void waitServesLocallyOnceTheWatermarkComesBackWithinTheBound() {
    feed.sink.apply(new Change.Watermark<>(T0.minusSeconds(2)));
    owner.down = true;
    AtomicInteger naps = new AtomicInteger();
    Sleeper relayCatchesUpAfter300ms =
        d -> {
          now.set(now.get().plus(d));
          if (naps.incrementAndGet() == 30) {
            feed.sink.apply(new Change.Watermark<>(now.get().minusMillis(50)));
          }
        };

    Versioned<Long> read = a(reader(BoundPolicy.WAIT, relayCatchesUpAfter300ms).read(Set.of("a")));

    assertThat(read.provenance().source()).isEqualTo(Source.BOUNDED_REPLICA);
    assertThat(Duration.between(T0, now.get())).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void waitGivesUpAtItsLimitAndAnswersUnavailable() {
    feed.sink.apply(new Change.Watermark<>(T0.minusSeconds(2)));
    owner.down = true;

    assertThat(reader(BoundPolicy.WAIT).read(Set.of("a"))).isInstanceOf(Read.Unavailable.class);
    assertThat(Duration.between(T0, now.get())).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aBoundShorterThanTheHeartbeatPlusTheRelaysDelayIsRefusedNamingBoth() {
    assertThatThrownBy(() ->
            Access.bounded(replica, owner)
                .bound(Duration.ofMillis(150))
                .heartbeat(Duration.ofMillis(100), Duration.ofMillis(100))
                .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("150ms")
        .hasMessageContaining("watermark interval (100ms)")
        .hasMessageContaining("relay's delay (100ms)");
  }
}
