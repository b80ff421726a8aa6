package io.interservice.lab;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code interservice} command line. */
@Command(
    name = "interservice",
    mixinStandardHelpOptions = true,
    version = "interservice 0.1.0",
    description = "How a service gets data that another service owns: the lab.",
    subcommands = {
      CompareCommand.class,
      UpCommand.class,
      DriveCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    int status =
        new CommandLine(new Main())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler((e, line, parsed) -> {
              if (e instanceof IllegalArgumentException) {
                line.getErr().println("interservice: " + e.getMessage());
                return 2;
              }
              throw e;
            })
            .execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
