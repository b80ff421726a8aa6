package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.interservice.lab.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A short comparison end to end: real processes, load, a fault, the audit and all outputs. */
class CompareTest {

  @Test
  void aShortComparisonWritesAllOutputsWithNothingLostOrCorrupt() throws Exception {
    Path out = Files.createTempDirectory(Lab.runs(), "compare-");

    int status =
        new CommandLine(new Main())
            .execute(
                "compare",
                "--db",
                SharedDatabase.get().adminUrl(),
                "--out",
                out.toString(),
                "--techniques",
                "direct",
                "--scenarios",
                "steady,owner-down",
                "--rate",
                "50",
                "--warmup",
                "1s",
                "--duration",
                "8s",
                "--fault-start",
                "1s",
                "--fault-duration",
                "2s");

    assertThat(status).as("exit status: 0 only when nothing was lost or corrupt").isZero();
    assertThat(out.resolve("report.md"))
        .content()
        .contains(
            "## Consistency",
            "## Isolation",
            "Runs on the processes of the technique's run before (no new start, no warm-up): direct owner-down.");
    assertThat(out.resolve("report.html")).content().contains("Chart", "\"technique\":\"direct\"");
    JsonNode results = Http.JSON.readTree(out.resolve("results.json").toFile());
    JsonNode steady = results.at("/runs/0");
    JsonNode down = results.at("/runs/1");
    assertThat(steady.get("scenario").asText()).isEqualTo("steady");
    assertThat(steady.get("processes").asText()).isEqualTo("fresh");
    assertThat(down.get("processes").asText())
        .as("owner-down follows steady on the same processes")
        .isEqualTo("kept");
    assertThat(down.get("warmup_s").asDouble()).isZero();
    assertThat(steady.get("failed").asLong()).isZero();
    assertThat(steady.get("ok").asLong()).isBetween(390L, 400L);
    assertThat(steady.get("owner_requests_per_order").asDouble()).isBetween(0.95, 1.05);
    assertThat(steady.at("/audit/lines").asLong()).isGreaterThan(steady.get("ok").asLong());
    assertThat(steady.at("/latency_ms/p99").asDouble()).isPositive();
    assertThat(steady.at("/cpu_s_per_1000_orders/checkout").asDouble()).isPositive();
    assertThat(down.at("/fault/kind").asText()).isEqualTo("owner-down");
    assertThat(down.at("/fault/availability").asDouble()).isLessThan(0.5);
    assertThat(down.get("failed").asLong()).isPositive();
    for (JsonNode run : results.get("runs")) {
      assertThat(run.at("/audit/corrupt").asLong()).isZero();
      assertThat(run.at("/audit/lost").asLong()).isZero();
    }
  }
}
