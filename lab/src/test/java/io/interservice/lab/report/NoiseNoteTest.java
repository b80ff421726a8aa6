package io.interservice.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.lab.run.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseNoteTest {

  private static RunResult on(String technique, RunResult.Machine machine) {
    return Runs.run(technique, "steady", 1, 10, null, 0, 0, 1, machine, null);
  }

  private static RunResult.Machine quiet(double worstSecondMs) {
    return new RunResult.Machine(
        1, 1, 0.01, 0.15, 0, false, 80, worstSecondMs, worstSecondMs > 200, 1.1, 9.4);
  }

  @Test
  void aQuietMachineIsSaidToBeQuietAndTheDiskIsNotMentioned() {
    String note = NoiseNote.render(List.of(on("direct", quiet(20)), on("push", quiet(35))));

    assertThat(note).startsWith("No run shared the machine").doesNotContain("held");
  }

  @Test
  void theKernelsOwnWorkIsNamedApartFromOtherProcesses() {
    String note = NoiseNote.render(List.of(on("direct", quiet(20))));

    assertThat(note)
        .contains("other processes used at most 0.01 of a core")
        .contains("The kernel's own work beyond any process")
        .contains("took up to 0.15 of a core");
  }

  @Test
  void resultsWithoutTheKernelsShareSayNothingOfIt() {
    RunResult.Machine older = new RunResult.Machine(1, 1, 0.12, 0, 0, true, 80, 20, false, 0, 0);

    assertThat(NoiseNote.render(List.of(on("direct", older))))
        .contains("others 0.12 cores")
        .doesNotContain("kernel")
        .doesNotContain("system call");
  }

  @Test
  void theMachinesSpeedIsGivenAsTheMedianAndRangeOverTheRunsThatMeasuredIt() {
    RunResult.Machine older = new RunResult.Machine(1, 1, 0.01, 0, 0, false, 80, 20, false, 0, 0);
    RunResult.Machine slow =
        new RunResult.Machine(1, 1, 0.01, 0.1, 0, false, 80, 20, false, 2.3, 19.0);

    String note =
        NoiseNote.render(
            List.of(
                on("direct", quiet(20)),
                on("push", slow),
                on("events", quiet(20)),
                on("polling", older)));

    assertThat(note)
        .contains("a system call took 1.10 µs (1.10–2.30)")
        .contains("a hand-off to a parked thread 9.4 µs (9.4–19.0)")
        .contains("over 3 runs");
  }

  @Test
  void aRunWhoseDiskHeldTheMachineUpIsNamedWithItsStall() {
    String note = NoiseNote.render(List.of(on("direct", quiet(20)), on("shared-db", quiet(452))));

    assertThat(note)
        .contains("the disk held the whole machine up in 1 of 2 runs")
        .contains("shared-db · steady (452 ms within one second)")
        .doesNotContain("direct · steady (");
  }

  @Test
  void aRunThatSharedTheMachineIsNamedWithWhatOthersTook() {
    RunResult.Machine busy =
        new RunResult.Machine(1.5, 2.5, 0.4, 0.15, 0, true, 10, 5, false, 0.2, 3.0);

    String note = NoiseNote.render(List.of(on("direct", quiet(20)), on("push", busy)));

    assertThat(note)
        .contains("1 of 2 runs shared the machine")
        .contains("push · steady (others 0.40 cores");
  }
}
