package io.interservice.lab;

import io.interservice.lab.report.Comparison;
import io.interservice.lab.report.ConsoleTable;
import io.interservice.lab.report.Guides;
import io.interservice.lab.report.HtmlReport;
import io.interservice.lab.report.MarkdownReport;
import io.interservice.lab.report.Results;
import io.interservice.lab.report.Spread;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code report}: writes report.md and report.html again from a run's results.json; with {@code
 * --docs}, also the generated parts of the results page and of each technique's guide.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Render report.md and report.html again from <run directory>/results.json.")
final class ReportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUN_DIR", description = "a run directory, e.g. runs/20261122-015645")
  Path runDir;

  @Option(
      names = "--docs",
      paramLabel = "DIR",
      description =
          "also write the run's figures into DIR/results.md and DIR/techniques/<technique>.md,"
              + " between their generated markers (e.g. --docs docs)")
  Path docs;

  @Override
  public Integer call() throws Exception {
    Path json = runDir.resolve("results.json");
    if (!Files.isRegularFile(json)) {
      System.err.println("report: " + json + " does not exist");
      return 2;
    }
    Comparison read = Results.read(json);
    // the spread is derived from the runs: computed anew, it follows this version's rules
    Comparison comparison =
        new Comparison(
            read.startedAt(),
            read.settings(),
            read.runs(),
            Spread.of(read.runs()),
            read.findMax(),
            read.ceiling());
    Files.writeString(
        runDir.resolve("report.md"), MarkdownReport.render(comparison), StandardCharsets.UTF_8);
    Files.writeString(
        runDir.resolve("report.html"), HtmlReport.render(comparison), StandardCharsets.UTF_8);
    System.out.print(ConsoleTable.render(comparison.runs()));
    System.out.println("wrote " + runDir.resolve("report.md") + " and report.html");
    if (docs != null) {
      // named as given: keep the run whose figures are published beside them (docs/measured/...)
      String source = runDir.normalize().resolve("results.json").toString();
      for (Path page : Guides.write(comparison, docs, source)) {
        System.out.println("wrote " + page);
      }
    }
    return 0;
  }
}
