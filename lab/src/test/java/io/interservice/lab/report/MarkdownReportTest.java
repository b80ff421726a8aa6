package io.interservice.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.lab.run.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  private static Comparison of(RunResult... runs) {
    return new Comparison(
        "2026-12-02T00:00:00Z",
        Map.of("duration_s", 10),
        List.of(runs),
        List.of(),
        List.of(),
        null);
  }

  @Test
  void aRunMeasuredLongerThanTheComparisonsDurationIsNamedWithItsWindow() {
    String md =
        MarkdownReport.render(
            of(Runs.measuredFor("direct", 10), Runs.measuredFor("cache-aside", 40)));

    assertThat(md)
        .contains("Measured for longer than `duration_s`")
        .contains("cache-aside steady 40 s")
        .doesNotContain("direct steady 10 s");
  }

  @Test
  void whenEveryRunHadTheComparisonsDurationNothingIsSaid() {
    String md = MarkdownReport.render(of(Runs.measuredFor("direct", 10)));

    assertThat(md).doesNotContain("Measured for longer");
  }
}
