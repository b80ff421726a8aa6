package io.interservice.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.lab.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuidesTest {
  private static final List<RunResult> RUNS =
      List.of(
          Runs.run("direct", "steady", 1, 30, null, 1.0, 0, 1),
          Runs.run("direct", "owner-down", 1, 30, 5.0, 1.0, 0, 0.01),
          Runs.run("push", "steady", 1, 10, null, 0.001, 0.001, 1),
          Runs.run("push", "owner-down", 1, 10, 0.0, 0, 0.001, 1.0));
  private static final Comparison COMPARISON =
      new Comparison("2026-11-30T14:00:00Z", Map.of("rate", 100.0), RUNS, null, null, null);

  @Test
  void aGuideGetsItsTechniquesRunsAndSentenceAtTheStartOfItsMeasuredSection(@TempDir Path docs)
      throws Exception {
    Path guide = page(docs, "techniques/push.md", "# push\n\n## Measured\n\nBy hand.\n");

    Guides.write(COMPARISON, docs, "runs/x/results.json");

    String text = Files.readString(guide);
    assertThat(text)
        .startsWith("# push\n\n## Measured\n\n" + Guides.BEGIN)
        .contains("Generated from `runs/x/results.json`", "**push** wins on performance")
        .contains("push  ", "owner-down")
        .doesNotContain("direct  ")
        .endsWith(Guides.END + "\n\nBy hand.\n");
  }

  @Test
  void aGuideSaysWhenItsTechniquesSteadyRunWasMeasuredLongerThanTheComparisonsDuration(
      @TempDir Path docs) throws Exception {
    Path guide = page(docs, "techniques/cache-aside.md", "# cache-aside\n\n## Measured\n");
    Comparison longer =
        new Comparison(
            "2026-12-02T16:00:00Z",
            Map.of("duration_s", 10),
            List.of(Runs.measuredFor("direct", 10), Runs.measuredFor("cache-aside", 40)),
            null,
            null,
            null);

    Guides.write(longer, docs, "runs/x/results.json");

    assertThat(Files.readString(guide)).contains("Measured for longer", "cache-aside steady 40 s");
  }

  @Test
  void aSecondGenerationReplacesTheFirstAndLeavesTheHandWrittenTextAlone(@TempDir Path docs)
      throws Exception {
    Path guide = page(docs, "techniques/direct.md", "# direct\n\n## Measured\n\nBy hand.\n");
    Guides.write(COMPARISON, docs, "runs/first/results.json");

    Guides.write(COMPARISON, docs, "runs/second/results.json");

    String text = Files.readString(guide);
    assertThat(text).contains("runs/second/").doesNotContain("runs/first/").contains("By hand.");
    assertThat(text.split(java.util.regex.Pattern.quote(Guides.BEGIN))).hasSize(2);
  }

  @Test
  void theResultsPageGetsTheWholeReportWithItsScorecardAfterItsFirstParagraph(@TempDir Path docs)
      throws Exception {
    Path results = page(docs, "results.md", "# Measured results\n\nIntro.\n\n## Older\n\nOld.\n");

    Guides.write(COMPARISON, docs, "runs/x/results.json");

    String text = Files.readString(results);
    assertThat(text)
        .startsWith("# Measured results\n\n" + Guides.BEGIN + "\n## The default comparison")
        .contains("### Scorecard", "### All runs")
        .endsWith(Guides.END + "\n\nIntro.\n\n## Older\n\nOld.\n");
  }

  @Test
  void aTechniqueWithoutAGuideIsSkipped(@TempDir Path docs) throws Exception {
    page(docs, "techniques/push.md", "# push\n");

    assertThat(Guides.write(COMPARISON, docs, "runs/x/results.json"))
        .containsExactly(docs.resolve("techniques/push.md"));
  }

  private static Path page(Path docs, String name, String text) throws Exception {
    Path page = docs.resolve(name);
    Files.createDirectories(page.getParent());
    Files.writeString(page, text);
    return page;
  }
}
