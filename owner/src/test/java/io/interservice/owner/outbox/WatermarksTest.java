package io.interservice.owner.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WatermarksTest {
  private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

  private final Watermarks watermarks = new Watermarks();

  @Test
  void anInstantIsClaimedOnceEveryTransactionThatHadAnIdByThenHasEnded() {
    watermarks.note(T0, 100); // ids below 100 were assigned by T0

    assertThat(watermarks.claim(99)).as("transaction 99 is still in flight").isNull();
    assertThat(watermarks.claim(100)).isEqualTo(T0);
  }

  @Test
  void aTransactionLeftOpenHoldsEveryLaterInstantBack() {
    watermarks.note(T0, 100);
    watermarks.note(T0.plusMillis(100), 105);
    watermarks.note(T0.plusMillis(200), 110);

    assertThat(watermarks.claim(97)).as("97 is open").isNull();
    assertThat(watermarks.claim(97)).isNull();
    assertThat(watermarks.claim(106)).isEqualTo(T0.plusMillis(100));
    assertThat(watermarks.claim(120)).isEqualTo(T0.plusMillis(200));
  }

  @Test
  void nothingIsClaimedTwiceNorBackwards() {
    watermarks.note(T0, 100);
    assertThat(watermarks.claim(100)).isEqualTo(T0);

    assertThat(watermarks.claim(100)).isNull();
    watermarks.note(T0.minusMillis(5), 100);
    assertThat(watermarks.claim(100)).as("an older instant says nothing new").isNull();
  }

  @Test
  void whenNoIdWasAssignedInBetweenTheNewerInstantReplacesTheOlder() {
    watermarks.note(T0, 100);
    watermarks.note(T0.plusMillis(100), 100);

    assertThat(watermarks.claim(100)).isEqualTo(T0.plusMillis(100));
  }
}
