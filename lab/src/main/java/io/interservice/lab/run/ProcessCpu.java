package io.interservice.lab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a process and its descendants, from {@code /proc/<pid>/stat} (user + system), at 100
 * ticks per second. Like {@link OwnerRequests}, survives a restart through checkpoints.
 */
final class ProcessCpu {
  private static final double TICKS_PER_SECOND = 100.0;
  private long pid;
  private long banked;
  private long base;

  ProcessCpu(long pid) {
    this.pid = pid;
    this.base = ticks(pid);
  }

  /** Banks the CPU used so far; call before the process stops. */
  synchronized void checkpoint() {
    banked += ticks(pid) - base;
    base = 0;
  }

  /**
   * Follows a process restarted during the run: all the CPU it used since it started counts (its
   * start-up is the run's cost, and would otherwise look like another process's noise).
   */
  synchronized void follow(long newPid) {
    if (newPid != pid) {
      pid = newPid;
      base = 0;
    }
  }

  /** Starts counting from now: CPU used before (the warm-up) is dropped. */
  synchronized void rebase() {
    banked = 0;
    base = ticks(pid);
  }

  /** CPU seconds used since construction or the last {@link #rebase()}. */
  synchronized double seconds() {
    return (banked + Math.max(0, ticks(pid) - base)) / TICKS_PER_SECOND;
  }

  static long ticks(long pid) {
    return ProcessHandle.of(pid)
        .map(h -> Stream.concat(Stream.of(h), h.descendants()).mapToLong(p -> own(p.pid())).sum())
        .orElse(0L);
  }

  private static long own(long pid) {
    try {
      return fields(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * CPU seconds the JIT's compiler threads of JVM {@code pid} have used ({@code C1 CompilerThre}
   * and {@code C2 CompilerThre}, as Linux names them), counting those alive now: a JVM on a larger
   * machine may retire a compiler thread it added, whose time then drops out of the sum; on 2 cores
   * there is one of each, for good.
   */
  static double compilerSeconds(long pid) {
    long ticks = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
          ticks += fields(stat);
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return ticks / TICKS_PER_SECOND;
  }

  private static long fields(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields after "(comm) ": state is f[0], utime is field 14 overall = f[11], stime f[12]
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
