package io.interservice.lab.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What else the machine did while a run was measured: from {@code /proc/stat}, the CPU every
 * process used, less what the run's own processes (the services, their databases and broker, and
 * the lab with its load driver) used, is what others took; with the CPU the hypervisor stole and
 * the load average before and after. A run that shared the machine is flagged, not hidden.
 */
final class MachineNoise {
  private static final double TICKS_PER_SECOND = 100.0;

  /** More than this share of one core used by others makes a run "shared". */
  static final double SHARED_ABOVE = 0.10;

  /** One reading of the machine. */
  record Sample(long busy, long steal, long total, double load1, long labCpuNanos) {}

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
    return new Sample(busy, steal, total, load, lab);
  }

  /**
   * The noise between {@code before} and {@code after}, given the CPU seconds the run's own
   * processes (without the lab) used in between.
   */
  static RunResult.Machine between(Sample before, Sample after, double ownSeconds) {
    int cores = Runtime.getRuntime().availableProcessors();
    double wall = (after.total() - before.total()) / TICKS_PER_SECOND / cores;
    if (wall <= 0) {
      return new RunResult.Machine(before.load1(), after.load1(), 0, 0, false);
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
        others > SHARED_ABOVE || steal > SHARED_ABOVE);
  }
}
