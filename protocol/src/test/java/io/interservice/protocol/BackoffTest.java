package io.interservice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void capDoublesFromTheBaseUntilTheMaximum() {
    Backoff backoff =
        new Backoff(Duration.ofMillis(10), Duration.ofMillis(200), new SplittableRandom(1));
    assertThat(backoff.cap(1)).isEqualTo(Duration.ofMillis(10));
    assertThat(backoff.cap(2)).isEqualTo(Duration.ofMillis(20));
    assertThat(backoff.cap(5)).isEqualTo(Duration.ofMillis(160));
    assertThat(backoff.cap(6)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.cap(100)).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void fullJitterSpreadsDelaysOverTheWholeRangeBelowTheCap() {
    Backoff backoff =
        new Backoff(Duration.ofMillis(10), Duration.ofMillis(200), new SplittableRandom(42));
    long below = 0;
    long above = 0;
    for (int i = 0; i < 2_000; i++) {
      Duration d = backoff.delay(3);
      assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(40));
      if (d.compareTo(Duration.ofMillis(20)) < 0) {
        below++;
      } else {
        above++;
      }
    }
    assertThat(below).as("lower half").isBetween(850L, 1150L);
    assertThat(above).as("upper half").isBetween(850L, 1150L);
  }

  @Test
  void theSameSeedGivesTheSameDelays() {
    Backoff a = new Backoff(Duration.ofMillis(10), Duration.ofMillis(200), new SplittableRandom(7));
    Backoff b = new Backoff(Duration.ofMillis(10), Duration.ofMillis(200), new SplittableRandom(7));
    for (int i = 1; i < 8; i++) {
      assertThat(a.delay(i)).isEqualTo(b.delay(i));
    }
  }
}
