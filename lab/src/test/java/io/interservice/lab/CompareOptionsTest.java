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

    int status = compare(err, "--warmup", "5s", "--warmup-cap", "2s");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("--warmup-cap (2000 ms) must be at least --warmup (5000 ms)");
  }

  @Test
  void aWarmUpCapShorterThanOneWindowIsRefusedNamingBoth() {
    StringWriter err = new StringWriter();

    int status = compare(err, "--warmup", "1s", "--warmup-cap", "2s", "--warmup-window", "3s");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("--warmup-cap (2000 ms) must be at least --warmup-window (3000 ms)");
  }

  private static int compare(StringWriter err, String... options) {
    CommandLine line =
        new CommandLine(new Main())
            .setErr(new PrintWriter(err))
            .setExecutionExceptionHandler((e, l, parsed) -> {
              l.getErr().println(e.getMessage());
              return 2;
            });
    String[] args = new String[options.length + 1];
    args[0] = "compare";
    System.arraycopy(options, 0, args, 1, options.length);
    return line.execute(args);
  }
}
