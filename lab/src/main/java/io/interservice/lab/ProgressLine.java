package io.interservice.lab;

import io.interservice.lab.load.OpenLoopDriver;
import java.util.function.Consumer;

/** The console's progress line for a run of the load. */
final class ProgressLine {
  private ProgressLine() {}

  private static final boolean TERMINAL = System.console() != null && System.getenv("CI") == null;

  /** A line per run that {@code label}s its progress: a bar on a terminal, a line each 5 s else. */
  static Consumer<OpenLoopDriver.Progress> of(String label) {
    return p -> {
      if (TERMINAL) {
        int width = 30;
        int done = (int) (width * p.elapsedSeconds() / Math.max(1, p.totalSeconds()));
        System.out.printf(
            "\r%-28s [%s%s] %3d/%ds  ok %d  failed %d   ",
            label,
            "#".repeat(Math.min(width, done)),
            " ".repeat(Math.max(0, width - done)),
            p.elapsedSeconds(),
            p.totalSeconds(),
            p.ok(),
            p.failed());
      } else if (p.elapsedSeconds() % 5 == 0) {
        System.out.printf(
            "%s: %d/%d s, ok %d, failed %d%n",
            label, p.elapsedSeconds(), p.totalSeconds(), p.ok(), p.failed());
      }
    };
  }

  /** Ends the bar's line. */
  static void end() {
    if (TERMINAL) {
      System.out.println();
    }
  }
}
