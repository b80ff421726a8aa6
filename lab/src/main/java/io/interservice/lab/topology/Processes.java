package io.interservice.lab.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Child processes by PID: signals, waiting, and a record of everything started so that a shutdown
 * hook can stop what is still running when the lab is interrupted.
 */
public final class Processes {
  private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Process p : STARTED) {
                    if (p.isAlive()) {
                      p.destroy();
                      awaitExit(p, Duration.ofSeconds(5));
                    }
                  }
                },
                "stop-children"));
  }

  private Processes() {}

  static void track(Process process) {
    STARTED.removeIf(p -> !p.isAlive());
    STARTED.add(process);
  }

  /** PIDs of the tracked processes still alive, for tests that prove nothing was left running. */
  public static List<Long> alive() {
    return STARTED.stream().filter(Process::isAlive).map(Process::pid).toList();
  }

  /** Sends {@code SIG<name>} to {@code pid}. */
  static void signal(long pid, String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start();
      kill.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new IllegalStateException("cannot send SIG" + name + " to " + pid, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for {@code p} to exit; kills it if it has not within {@code grace}. */
  static void awaitExit(Process p, Duration grace) {
    try {
      if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  static void pause(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Starts {@code command} as {@code name}, its output appended to {@code log} after a line saying
   * what started, and tracks it so that it is stopped at exit.
   */
  static Process launch(String name, List<String> command, Path log) {
    return launch(name, command, java.util.Map.of(), log);
  }

  /** As {@link #launch(String, List, Path)}, with {@code environment} added to the lab's own. */
  static Process launch(
      String name, List<String> command, java.util.Map<String, String> environment, Path log) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "--- starting " + name + ": " + String.join(" ", command) + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      Process p = builder.start();
      track(p);
      return p;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot start " + name, e);
    }
  }

  /** The last lines of a log, for error messages. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
