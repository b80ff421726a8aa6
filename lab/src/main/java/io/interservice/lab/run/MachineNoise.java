package io.interservice.lab.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What else the machine did while a run was measured: from {@code /proc/stat}, the CPU every
 * process used, less what the run's own processes (the services, their databases and broker, and
 * the lab with its load driver) used, is what others took; with the CPU the hypervisor stole and
 * the load average before and after. From {@code /proc/pressure/io} (Linux's pressure stall
 * information), the time every runnable task waited on the disk at once: a commit's flush that
 * hangs for half a second on a shared virtual disk stalls the whole order path, and looks like a
 * technique's tail unless it is named. A run that shared the machine, or whose disk stalled, is
 * flagged, not hidden.
 */
final class MachineNoise {
  private static final double TICKS_PER_SECOND = 100.0;

  /** More than this share of one core used by others makes a run "shared". */
  static final double SHARED_ABOVE = 0.10;

  /**
   * More than this much time within one second with every runnable task waiting on the disk marks a
   * run's disk as stalled ({@link DiskStalls}): quiet seconds here stay under 40 ms.
   */
  static final double DISK_STALLED_ABOVE_MS = 200;

  /**
   * One reading of the machine.
   *
   * @param ioFullMicros the "full" total of {@code /proc/pressure/io}, or -1 where there is none
   */
  record Sample(
      long busy, long steal, long total, double load1, long labCpuNanos, long ioFullMicros) {}

  private MachineNoise() {}

  static Sample sample() {
    long busy = 0;
    long steal = 0;
    long total = 0;
    double load = -1;
    try {
      String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = cpu.trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        long v = Long.parseLong(f[i]);
        total += v;
        if (i != 4 && i != 5) {
          busy += v;
        }
      }
      steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
      load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      // not Linux: nothing to say
    }
    long lab =
        ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime()
            : 0;
    return new Sample(busy, steal, total, load, lab, ioFullMicros());
  }

  /** The microseconds every non-idle task has waited on I/O at once since boot, or -1. */
  static long ioFullMicros() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/pressure/io"))) {
        if (line.startsWith("full ")) {
          return Long.parseLong(line.substring(line.indexOf("total=") + 6).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      // no pressure stall information (not Linux, or a kernel without it)
    }
    return -1;
  }

  /**
   * The noise between {@code before} and {@code after}, given the CPU seconds the run's own
   * processes (without the lab) used in between and the worst second the disk held the machine up
   * ({@link DiskStalls}, -1 unknown).
   */
  static RunResult.Machine between(
      Sample before, Sample after, double ownSeconds, double diskWorstSecondMs) {
    int cores = Runtime.getRuntime().availableProcessors();
    double wall = (after.total() - before.total()) / TICKS_PER_SECOND / cores;
    double ioStallMs =
        before.ioFullMicros() < 0 || after.ioFullMicros() < 0
            ? -1
            : Figures.round((after.ioFullMicros() - before.ioFullMicros()) / 1000.0, 1);
    double worst = diskWorstSecondMs < 0 ? -1 : Figures.round(diskWorstSecondMs, 1);
    boolean diskStalled = worst > DISK_STALLED_ABOVE_MS;
    if (wall <= 0) {
      return new RunResult.Machine(
          before.load1(), after.load1(), 0, 0, false, ioStallMs, worst, diskStalled);
    }
    double busy = (after.busy() - before.busy()) / TICKS_PER_SECOND;
    double lab = (after.labCpuNanos() - before.labCpuNanos()) / 1e9;
    double others = Math.max(0, busy - ownSeconds - lab) / wall;
    double steal = (after.steal() - before.steal()) / TICKS_PER_SECOND / wall;
    return new RunResult.Machine(
        before.load1(),
        after.load1(),
        Figures.round(others, 3),
        Figures.round(steal, 3),
        others > SHARED_ABOVE || steal > SHARED_ABOVE,
        ioStallMs,
        worst,
        diskStalled);
  }
}
