package io.interservice.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.lab.run.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardTest {
  /** direct: slow, asks the owner every order, down with it; push: fast, local, a little stale. */
  private static final List<RunResult> RUNS =
      List.of(
          Runs.run("direct", "steady", 1, 30, null, 1.0, 0, 1),
          Runs.run("direct", "owner-down", 1, 30, 5.0, 1.0, 0, 0.01),
          Runs.run("cache-aside", "steady", 1, 15, null, 0.2, 0.02, 1),
          Runs.run("cache-aside", "owner-down", 1, 15, 0.0, 0, 0.05, 1.0),
          Runs.run("push", "steady", 1, 10, null, 0.001, 0.001, 1),
          Runs.run("push", "owner-down", 1, 10, 0.0, 0, 0.001, 1.0));

  @Test
  void eachTechniqueIsRankedOnEveryCriterionFromItsFigures() {
    Scorecard.Row direct = Scorecard.rows(RUNS).get(0);
    Scorecard.Row push = Scorecard.rows(RUNS).get(2);

    assertThat(direct.ranks().get("performance")).isEqualTo(3);
    assertThat(direct.ranks().get("isolation")).isEqualTo(3);
    assertThat(direct.ranks().get("consistency")).isEqualTo(1);
    assertThat(push.ranks().get("performance")).isEqualTo(1);
    assertThat(push.ranks().get("isolation")).isEqualTo(1);
  }

  @Test
  void theSentenceSaysWhereATechniqueWinsAndLosesWithItsFigures() {
    String sentence = Scorecard.sentence(Scorecard.rows(RUNS).get(0), 3);

    assertThat(sentence)
        .startsWith("**direct** wins on consistency (0.00 % [1])")
        .contains("loses on performance (30.0 ms [3])")
        .contains("isolation (1.0 % [3])");
  }

  @Test
  void aCriterionWhoseScenarioWasNotRunIsADashNotARank() {
    List<RunResult> steadyOnly = RUNS.stream().filter(r -> r.scenario().equals("steady")).toList();

    assertThat(Scorecard.markdown(steadyOnly)).contains("| – |");
    assertThat(Scorecard.rows(steadyOnly).get(0).ranks()).doesNotContainKey("isolation");
  }
}
