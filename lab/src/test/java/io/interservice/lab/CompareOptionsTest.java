package io.interservice.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Settings of {@code compare} that contradict each other are refused before anything starts. */
class CompareOptionsTest {

  @Test
  void aWarmUpCapShorterThanTheLeastWarmUpIsRefusedNamingBoth() {
    StringWriter err = new StringWriter();
    CommandLine line =
        new CommandLine(new Main())
            .setErr(new PrintWriter(err))
            .setExecutionExceptionHandler((e, l, parsed) -> {
              l.getErr().println(e.getMessage());
              return 2;
            });

    int status = line.execute("compare", "--warmup", "5s", "--warmup-cap", "2s");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("--warmup-cap (2000 ms) must be at least --warmup (5000 ms)");
  }
}
