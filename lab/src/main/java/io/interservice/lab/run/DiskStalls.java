package io.interservice.lab.run;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Watches the disk while a run is measured: reads Linux's I/O pressure ("full": every runnable task
 * waiting on the disk at once, in microseconds since boot) every 100 ms and keeps the worst second,
 * the most such time within any ten consecutive readings. A commit flush that hangs half a second
 * shows as about 500 ms in one second, however long the run; the commits' ordinary flushes stay
 * under 40 ms in any second here, while their sum grows with the run's length. "Full" counts only
 * while no task at all can run, so a busy process elsewhere hides a stall from it.
 */
final class DiskStalls implements AutoCloseable {
  private static final Duration EVERY = Duration.ofMillis(100);
  private static final int PER_SECOND = 10;

  private final long[] readings = new long[PER_SECOND + 1];
  private int count;
  private long worstMicros;
  private boolean unknown;
  private @Nullable Thread watcher;

  /** A watcher that reads nothing itself: {@link #sample} feeds it (what {@link #watch} does). */
  DiskStalls() {}

  /** Starts watching the machine's own pressure file, every 100 ms on a thread of its own. */
  static DiskStalls watch() {
    DiskStalls d = new DiskStalls();
    d.watcher =
        Thread.ofPlatform()
            .daemon()
            .name("disk-stalls")
            .start(() -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  d.sample(MachineNoise.ioFullMicros());
                  Thread.sleep(EVERY);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    return d;
  }

  /** One reading: the pressure total in microseconds, or -1 where the kernel keeps none. */
  synchronized void sample(long totalMicros) {
    if (totalMicros < 0) {
      unknown = true;
      return;
    }
    readings[count % readings.length] = totalMicros;
    count++;
    // the span back to the oldest reading kept: up to one second
    int back = Math.min(count - 1, PER_SECOND);
    long oldest = readings[(count - 1 - back) % readings.length];
    worstMicros = Math.max(worstMicros, totalMicros - oldest);
  }

  /** The most time within one second that the whole machine waited on the disk, ms; -1 unknown. */
  synchronized double worstSecondMs() {
    return unknown || count == 0 ? -1 : worstMicros / 1000.0;
  }

  /** Stops watching. */
  @Override
  public void close() {
    Thread w = watcher;
    if (w == null) {
      return;
    }
    w.interrupt();
    try {
      w.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
