package io.interservice.lab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MachineNoiseTest {
  private static final MachineSpeed.Result UNMEASURED = new MachineSpeed.Result(0, 0);

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  /** A reading {@code seconds} of wall time in, with {@code busy} CPU seconds used in all. */
  private static MachineNoise.Sample at(double seconds, double busy, double steal, double lab) {
    return withDiskStall(seconds, busy, steal, lab, 0);
  }

  /** The same, with processes outside the lab's tree having used these CPU seconds, by pid. */
  private static MachineNoise.Sample withOthers(
      double seconds, double busy, double lab, Map<Long, Double> others) {
    Map<Long, Long> ticks = new HashMap<>();
    others.forEach((pid, s) -> ticks.put(pid, Math.round(s * 100)));
    MachineNoise.Sample s = at(seconds, busy, 0, lab);
    return new MachineNoise.Sample(
        s.busy(), s.steal(), s.total(), s.load1(), s.labCpuNanos(), s.ioFullMicros(), ticks);
  }

  /** The same, with {@code ioStallMs} of the whole machine waiting on the disk in all. */
  private static MachineNoise.Sample withDiskStall(
      double seconds, double busy, double steal, double lab, double ioStallMs) {
    return new MachineNoise.Sample(
        Math.round(busy * 100),
        Math.round(steal * 100),
        Math.round(seconds * 100 * CORES),
        1.0,
        Math.round(lab * 1e9),
        Math.round(ioStallMs * 1000),
        Map.of());
  }

  @Test
  void whatTheRunsOwnProcessesAndTheLabUsedIsNotNoise() {
    RunResult.Machine m =
        MachineNoise.between(at(0, 0, 0, 0), at(10, 12.0, 0, 2.0), 10.0, 5, UNMEASURED);

    assertThat(m.othersCores()).isEqualTo(0.0, Offset.offset(0.001));
    assertThat(m.shared()).isFalse();
  }

  @Test
  void aQuarterOfACoreUsedByProcessesOutsideTheLabMarksTheRunShared() {
    RunResult.Machine m =
        MachineNoise.between(
            withOthers(0, 0, 0, Map.of(7L, 30.0)),
            withOthers(10, 14.5, 2.0, Map.of(7L, 32.5)),
            10.0,
            5,
            UNMEASURED);

    assertThat(m.othersCores()).isEqualTo(0.25, Offset.offset(0.001));
    assertThat(m.kernelCores()).isEqualTo(0.0, Offset.offset(0.001));
    assertThat(m.shared()).isTrue();
  }

  @Test
  void aProcessStartedWhileTheRunWasMeasuredCountsWhole() {
    RunResult.Machine m =
        MachineNoise.between(
            withOthers(0, 0, 0, Map.of()),
            withOthers(10, 15.0, 2.0, Map.of(9L, 3.0)),
            10.0,
            5,
            UNMEASURED);

    assertThat(m.othersCores()).isEqualTo(0.3, Offset.offset(0.001));
    assertThat(m.shared()).isTrue();
  }

  @Test
  void theKernelsOwnWorkIsReportedWithoutCallingTheRunShared() {
    // busy beyond the run, the lab and every other process: interrupts handled while a core idled
    RunResult.Machine m =
        MachineNoise.between(
            withOthers(0, 0, 0, Map.of(1L, 5.0)),
            withOthers(10, 14.0, 2.0, Map.of(1L, 5.1)),
            10.0,
            5,
            UNMEASURED);

    assertThat(m.othersCores()).isEqualTo(0.01, Offset.offset(0.001));
    assertThat(m.kernelCores()).isEqualTo(0.19, Offset.offset(0.001));
    assertThat(m.shared()).isFalse();
  }

  @Test
  void theLabsOwnTreeIsNotCountedAmongTheOthers() {
    Map<Long, Long> others = MachineNoise.othersTicks();

    assertThat(others).doesNotContainKey(ProcessHandle.current().pid());
  }

  @Test
  void stolenCpuMarksTheRunSharedToo() {
    RunResult.Machine m =
        MachineNoise.between(at(0, 0, 0, 0), at(10, 12, 2, 2), 10.0, 5, UNMEASURED);

    assertThat(m.stealCores()).isEqualTo(0.2, Offset.offset(0.001));
    assertThat(m.shared()).isTrue();
  }

  @Test
  void aDiskThatStalledTheMachineForHalfASecondIsNamedWithoutCallingTheRunShared() {
    RunResult.Machine m =
        MachineNoise.between(
            withDiskStall(0, 0, 0, 0, 1_000),
            withDiskStall(10, 12, 0, 2, 1_540),
            10.0,
            480,
            UNMEASURED);

    assertThat(m.ioStallMs()).isEqualTo(540.0);
    assertThat(m.ioStallWorstSecondMs()).isEqualTo(480.0);
    assertThat(m.diskStalled()).isTrue();
    assertThat(m.shared()).isFalse();
  }

  @Test
  void theDisksOrdinaryFlushesAreNotAStallHoweverLongTheRun() {
    RunResult.Machine m =
        MachineNoise.between(
            withDiskStall(0, 0, 0, 0, 0), withDiskStall(60, 72, 0, 12, 580), 60.0, 18, UNMEASURED);

    assertThat(m.ioStallMs()).isEqualTo(580.0);
    assertThat(m.diskStalled()).isFalse();
  }

  @Test
  void aKernelWithoutPressureInformationSaysNothingOfTheDisk() {
    RunResult.Machine m =
        MachineNoise.between(
            withDiskStall(0, 0, 0, 0, -0.001), at(10, 12, 0, 2), 10.0, -1, UNMEASURED);

    assertThat(m.ioStallMs()).isEqualTo(-1.0);
    assertThat(m.ioStallWorstSecondMs()).isEqualTo(-1.0);
    assertThat(m.diskStalled()).isFalse();
  }
}
