package io.interservice.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderLinesTest {

  @Test
  void aLinesInstantIsSentInWholeMicrosecondsRoundedToTheNearest() {
    Instant t = Instant.parse("2026-11-30T12:00:00Z");

    assertThat(OrderLines.micros(t)).isEqualTo(t.getEpochSecond() * 1_000_000L);
    assertThat(OrderLines.micros(t.plusNanos(1_499)))
        .isEqualTo(t.getEpochSecond() * 1_000_000L + 1);
    assertThat(OrderLines.micros(t.plusNanos(1_500)))
        .isEqualTo(t.getEpochSecond() * 1_000_000L + 2);
    assertThat(OrderLines.micros(t.plusNanos(999_999_999)))
        .isEqualTo((t.getEpochSecond() + 1) * 1_000_000L);
  }

  @Test
  void anInstantBeforeTheEpochIsCountedBackwards() {
    assertThat(OrderLines.micros(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1);
  }
}
