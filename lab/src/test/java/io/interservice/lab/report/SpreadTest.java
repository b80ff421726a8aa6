package io.interservice.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.lab.run.RunResult;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SpreadTest {

  private static RunResult run(
      String technique, String scenario, int repeat, double p99, @Nullable Double recovery) {
    return Runs.run(technique, scenario, repeat, p99, recovery, 1.0, 0, 0.5);
  }

  @Test
  void repeatedRunsGiveTheMedianLowestAndHighestOfEachFigure() {
    List<Spread> spreads =
        Spread.of(
            List.of(
                run("direct", "steady", 1, 40, null),
                run("direct", "steady", 2, 90, null),
                run("direct", "steady", 3, 50, null)));

    assertThat(spreads).hasSize(1);
    assertThat(spreads.get(0).figures().get("p99_ms"))
        .isEqualTo(new Spread.Range(50.0, 40.0, 90.0, 0));
    assertThat(spreads.get(0).runs()).isEqualTo(3);
    assertThat(spreads.get(0).figures()).doesNotContainKey("availability");
  }

  @Test
  void anEvenCountTakesTheMeanOfTheMiddleTwo() {
    List<Spread> spreads =
        Spread.of(List.of(run("push", "steady", 1, 10, null), run("push", "steady", 2, 20, null)));

    assertThat(spreads.get(0).figures().get("p99_ms").median()).isEqualTo(15.0);
  }

  @Test
  void aRecoveryNotSeenWithinARunIsCountedAsMissingNotAsZero() {
    List<Spread> spreads =
        Spread.of(
            List.of(
                run("direct", "owner-down", 1, 40, 4.0),
                run("direct", "owner-down", 2, 40, null),
                run("direct", "owner-down", 3, 40, 5.0)));

    assertThat(spreads.get(0).figures().get("recovery_s"))
        .isEqualTo(new Spread.Range(4.5, 4.0, 5.0, 1));
  }

  @Test
  void aRecoveryNotSeenInAnyRunSaysSo() {
    List<Spread> spreads =
        Spread.of(
            List.of(
                run("direct", "owner-down", 1, 40, null),
                run("direct", "owner-down", 2, 40, null)));

    assertThat(spreads.get(0).figures().get("recovery_s"))
        .isEqualTo(new Spread.Range(null, null, null, 2));
    assertThat(ConsoleTable.renderSpread(spreads)).contains("none in 2");
  }

  @Test
  void aTechniqueAndScenarioRunOnceHasNoSpread() {
    assertThat(
            Spread.of(
                List.of(run("direct", "steady", 1, 40, null), run("push", "steady", 1, 10, null))))
        .isEmpty();
  }

  @Test
  void theTableShowsMedianAndRange() {
    String table =
        ConsoleTable.renderSpread(
            Spread.of(
                List.of(
                    run("direct", "owner-down", 1, 40, 4.0),
                    run("direct", "owner-down", 2, 90, null))));

    assertThat(table).contains("65.0 [40.0–90.0]", "4 [4–4], none in 1", "50.0 [50.0–50.0]");
  }
}
