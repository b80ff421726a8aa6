package io.interservice.lab.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What else the machine did while a run was measured: the CPU that processes outside the lab's own
 * tree (the lab with its load driver, and the services, databases and broker it started) used, with
 * the CPU the hypervisor stole and the load average before and after. What {@code /proc/stat}
 * counts busy beyond both is the kernel's own work: interrupts handled while a core idled and
 * kernel threads (block I/O, memory monitoring), most of it the run's own loopback traffic and disk
 * writes, since an idle machine shows next to none. It is reported, not taken for another workload:
 * at 100 orders/s it is 0.1–0.2 of a core. From {@code /proc/pressure/io} (Linux's pressure stall
 * information), the time every runnable task waited on the disk at once: a commit's flush that
 * hangs for half a second on a shared virtual disk stalls the whole order path, and looks like a
 * technique's tail unless it is named. A run that shared the machine, or whose disk stalled, is
 * flagged, not hidden.
 */
final class MachineNoise {
  private static final double TICKS_PER_SECOND = 100.0;

  /** {@code PF_KTHREAD}, the flag of a kernel thread in {@code /proc/<pid>/stat}. */
  private static final long KERNEL_THREAD = 0x00200000L;

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
      long busy,
      long steal,
      long total,
      double load1,
      long labCpuNanos,
      long ioFullMicros,
      Map<Long, Long> othersTicks) {}

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
    return new Sample(busy, steal, total, load, lab, ioFullMicros(), othersTicks());
  }

  /**
   * The CPU ticks (its own and its reaped children's) of each user-space process outside the lab's
   * tree, by pid: what a build or a test run beside the lab would show up in.
   */
  static Map<Long, Long> othersTicks() {
    Set<Long> lab = new HashSet<>();
    lab.add(ProcessHandle.current().pid());
    ProcessHandle.current().descendants().forEach(p -> lab.add(p.pid()));
    Map<Long, Long> ticks = new HashMap<>();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : proc) {
        long pid = Long.parseLong(dir.getFileName().toString());
        if (lab.contains(pid)) {
          continue;
        }
        String stat;
        try {
          stat = Files.readString(dir.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        // fields after "(comm) ": state f[0], flags f[6], utime f[11] … cstime f[14]
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        if ((Long.parseLong(f[6]) & KERNEL_THREAD) == 0) {
          ticks.put(
              pid,
              Long.parseLong(f[11])
                  + Long.parseLong(f[12])
                  + Long.parseLong(f[13])
                  + Long.parseLong(f[14]));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: nothing to say
    }
    return Map.copyOf(ticks);
  }

  /**
   * What the processes outside the lab's tree used between two readings: a process seen only in the
   * second counts whole (it started in between), one seen only in the first is lost unless its
   * parent reaped it (then it is in the parent's children's ticks).
   */
  private static double othersSeconds(Map<Long, Long> before, Map<Long, Long> after) {
    long ticks = 0;
    for (Map.Entry<Long, Long> e : after.entrySet()) {
      ticks += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
    }
    return ticks / TICKS_PER_SECOND;
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
   * ({@link DiskStalls}, -1 unknown), with the machine's {@code speed} measured before the run.
   */
  static RunResult.Machine between(
      Sample before,
      Sample after,
      double ownSeconds,
      double diskWorstSecondMs,
      MachineSpeed.Result speed) {
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
          before.load1(),
          after.load1(),
          0,
          0,
          0,
          false,
          ioStallMs,
          worst,
          diskStalled,
          speed.syscallMicros(),
          speed.handoffMicros());
    }
    double busy = (after.busy() - before.busy()) / TICKS_PER_SECOND;
    double lab = (after.labCpuNanos() - before.labCpuNanos()) / 1e9;
    double othersSeconds = othersSeconds(before.othersTicks(), after.othersTicks());
    double kernel = Math.max(0, busy - ownSeconds - lab - othersSeconds) / wall;
    double others = othersSeconds / wall;
    double steal = (after.steal() - before.steal()) / TICKS_PER_SECOND / wall;
    return new RunResult.Machine(
        before.load1(),
        after.load1(),
        Figures.round(others, 3),
        Figures.round(kernel, 3),
        Figures.round(steal, 3),
        others > SHARED_ABOVE || steal > SHARED_ABOVE,
        ioStallMs,
        worst,
        diskStalled,
        speed.syscallMicros(),
        speed.handoffMicros());
  }
}
