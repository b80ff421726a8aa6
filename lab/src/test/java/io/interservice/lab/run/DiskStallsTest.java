package io.interservice.lab.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Readings are fed by hand, one per 100 ms of the machine's life: no thread, no waiting. */
class DiskStallsTest {

  private static DiskStalls fedBy(long... totalsMicros) {
    DiskStalls d = new DiskStalls();
    for (long t : totalsMicros) {
      d.sample(t);
    }
    return d;
  }

  @Test
  void ordinaryFlushesSpreadOverAMinuteAreNotAStall() {
    long[] totals = new long[600];
    for (int i = 0; i < totals.length; i++) {
      totals[i] = i * 900L; // 0.9 ms every 100 ms: 540 ms over the minute, 9 ms in any second
    }

    assertThat(fedBy(totals).worstSecondMs()).isEqualTo(9.0);
  }

  @Test
  void aFlushThatHangsHalfASecondShowsWithinOneSecondWhereverItFalls() {
    // quiet, then 480 ms of stall split across two readings, then quiet again
    DiskStalls d =
        fedBy(
            0, 1_000, 2_000, 3_000, 240_000, 483_000, 484_000, 485_000, 486_000, 487_000, 488_000,
            489_000, 490_000, 491_000, 492_000, 493_000);

    assertThat(d.worstSecondMs()).isBetween(480.0, 490.0);
  }

  @Test
  void twoStallsSecondsApartAreNotAddedTogether() {
    long[] totals = new long[40];
    long total = 0;
    for (int i = 0; i < totals.length; i++) {
      total += i == 1 ? 300_000 : i == 25 ? 150_000 : 1_000; // 300 ms, then 150 ms 2.4 s later
      totals[i] = total;
    }

    assertThat(fedBy(totals).worstSecondMs()).isEqualTo(300.0 + 9.0);
  }

  @Test
  void withoutPressureInformationItSaysItDoesNotKnow() {
    assertThat(fedBy(-1, -1).worstSecondMs()).isEqualTo(-1.0);
    assertThat(fedBy().worstSecondMs()).isEqualTo(-1.0);
  }
}
