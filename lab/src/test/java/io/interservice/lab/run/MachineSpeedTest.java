package io.interservice.lab.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineSpeedTest {

  @Test
  void aSystemCallAndAHandOffBetweenThreadsEachTakeSomeTimeAndNoMoreThanASecond() {
    MachineSpeed.Result speed = MachineSpeed.measure();

    // what they cost is the machine's to say; that they were measured at all is the test's
    assertThat(speed.syscallMicros()).isPositive().isLessThan(1_000_000);
    assertThat(speed.handoffMicros()).isPositive().isLessThan(1_000_000);
  }

  @Test
  void theHandOffsPartnerThreadIsGoneOnceMeasured() {
    MachineSpeed.handoffMicros();

    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("machine-speed") && t.isAlive() && !isEnding(t));
  }

  @Test
  void theMedianOfTheBatchesIsTheMiddleOne() {
    assertThat(MachineSpeed.median(new double[] {9, 1, 5, 7, 2})).isEqualTo(5);
  }

  private static boolean isEnding(Thread t) {
    try {
      t.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !t.isAlive();
  }
}
