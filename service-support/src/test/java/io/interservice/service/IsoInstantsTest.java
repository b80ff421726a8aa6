package io.interservice.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-30T12:00:00Z",
        "2026-11-30T12:00:00.1Z",
        "2026-11-30T12:00:00.123Z",
        "2026-11-30T12:00:00.123456Z",
        "2026-11-30T12:00:00.123456789Z",
        "1970-01-01T00:00:00Z",
        "2024-02-29T23:59:59.999999999Z",
        "2026-11-30T12:00:00.Z",
        "2016-12-31T23:59:60Z",
        "2026-11-30T12:00:00+01:00",
        "+12026-11-30T12:00:00Z"
      })
  void readsEveryInstantAsTheJdkDoes(String text) {
    assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-13-30T12:00:00Z",
        "2025-02-29T12:00:00Z",
        "2026-11-30T24:00:00Z",
        "2026-11-30T12:00:60Z",
        "2026-11-30T12:00:00.1234567890Z",
        "2026-1a-30T12:00:00Z",
        "2026-11-30T12:00:00.12a4Z",
        "2026-11-30 12:00:00Z",
        "yesterday",
        ""
      })
  void refusesWhatIsNoInstant(String text) {
    assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeException.class);
  }

  @ParameterizedTest
  @ValueSource(
      longs = {
        0L,
        1L,
        1_796_040_000_123L,
        1_796_040_000_120L,
        1_796_040_000_100L,
        -1L,
        253_402_300_799_999L,
        253_402_300_800_000L,
        951_782_400_000L
      })
  void writesEveryInstantAsTheJdkDoes(long millis) {
    for (long extraNanos : new long[] {0, 1, 456, 456_000, 999_999}) {
      Instant instant = Instant.ofEpochMilli(millis).plusNanos(extraNanos);
      assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
    }
  }

  @org.junit.jupiter.api.Test
  void writesTheExtremesAsTheJdkDoes() {
    for (Instant instant : new Instant[] {Instant.MIN, Instant.MAX, Instant.EPOCH}) {
      assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
    }
  }
}
