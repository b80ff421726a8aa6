package io.interservice.lab.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {
  private static final long ME = ProcessHandle.current().pid();

  @Test
  void theCompilerThreadsOfARunningJvmHaveUsedPartOfItsCpu() {
    double whole = ProcessCpu.ticks(ME) / 100.0;
    double compilers = ProcessCpu.compilerSeconds(ME);

    // this JVM has compiled the test framework's code by now: its compiler threads have run
    assertThat(compilers).isPositive().isLessThanOrEqualTo(whole);
  }

  @Test
  void aProcessThatIsGoneHasNoCompilerTime() {
    assertThat(ProcessCpu.compilerSeconds(Long.MAX_VALUE)).isZero();
  }
}
