package io.interservice.lab.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompilersSettlingTest {
  private final CompilersSettling settling = new CompilersSettling();

  @Test
  void busyCompilersAreNotSettled() {
    assertThat(settling.heard(0.8, 1.0)).isFalse();
    assertThat(settling.heard(0.5, 1.0)).isFalse();
  }

  @Test
  void threeQuietSecondsInARowSettleThem() {
    settling.heard(0.6, 1.0);

    assertThat(settling.heard(0.02, 1.0)).isFalse();
    assertThat(settling.heard(0.01, 1.0)).isFalse();
    assertThat(settling.heard(0.04, 1.0)).isTrue();
  }

  @Test
  void aLullBetweenWavesOfCompilationDoesNotSettleThem() {
    settling.heard(0.01, 1.0);
    settling.heard(0.01, 1.0);

    assertThat(settling.heard(0.43, 1.0)).isFalse();
    assertThat(settling.heard(0.01, 1.0)).isFalse();
  }

  @Test
  void quietIsJudgedPerSecondOfTheStretchHeard() {
    assertThat(settling.heard(0.08, 2.0)).isFalse();
    assertThat(settling.heard(0.09, 2.0)).isFalse();
    assertThat(settling.heard(0.12, 2.0)).isFalse(); // 6 % of a core: not quiet
    assertThat(settling.heard(0.0, 0.0)).isFalse(); // no time heard: not quiet
  }
}
