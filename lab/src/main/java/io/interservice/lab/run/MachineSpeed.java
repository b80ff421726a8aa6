package io.interservice.lab.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What two costs that an order pays many times over cost on this machine, now: a system call, and a
 * hand-off from one thread to another that is parked (a wake-up and a switch to it). At 100
 * orders/s an order crosses checkout's kernel about 35 times and wakes one of its threads about 10
 * times (docs/benchmarks.md), and both costs vary between virtual machines, and between days on the
 * same one, by more than the differences between techniques. Each run records them, measured just
 * before its load starts (a few tenths of a second), so that CPU figures from different runs are
 * read on the same footing.
 */
final class MachineSpeed {
  /** Odd, so that the median is one batch's figure. */
  private static final int BATCHES = 7;

  private static final int CALLS_PER_BATCH = 20_000;
  private static final int ROUND_TRIPS_PER_BATCH = 1_000;

  /** A hand-off that takes this long has no partner any more: the measurement is given up. */
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** Where the calls' results go, so that nothing can be left out. */
  @SuppressWarnings("unused")
  private static volatile long blackhole;

  /**
   * The two costs, each the median of {@value #BATCHES} batches, in microseconds; 0 where it could
   * not be measured.
   */
  record Result(double syscallMicros, double handoffMicros) {}

  private MachineSpeed() {}

  static Result measure() {
    return new Result(Figures.round(syscallMicros(), 3), Figures.round(handoffMicros(), 2));
  }

  /**
   * The median time of {@code lseek} (a file's position, asked of the kernel: about the cheapest
   * call there is), in microseconds; 0 if no scratch file could be made.
   */
  static double syscallMicros() {
    Path scratch;
    try {
      scratch = Files.createTempFile("machine-speed", ".bin");
    } catch (IOException e) {
      return 0;
    }
    try (RandomAccessFile file = new RandomAccessFile(scratch.toFile(), "r")) {
      double[] perCall = new double[BATCHES];
      long sink = 0;
      for (int b = 0; b < BATCHES; b++) {
        long start = System.nanoTime();
        for (int i = 0; i < CALLS_PER_BATCH; i++) {
          sink += file.getFilePointer();
        }
        perCall[b] = (System.nanoTime() - start) / 1000.0 / CALLS_PER_BATCH;
      }
      blackhole = sink;
      return median(perCall);
    } catch (IOException e) {
      return 0;
    } finally {
      try {
        Files.deleteIfExists(scratch);
      } catch (IOException ignored) {
        // a temporary file left behind is the system's to clean
      }
    }
  }

  /**
   * The median time for one platform thread to wake another parked one and for that one to run, in
   * microseconds (a ping-pong: half a round trip); 0 if the partner stopped answering.
   */
  static double handoffMicros() {
    PingPong game = new PingPong(Thread.currentThread());
    Thread partner = Thread.ofPlatform().daemon().name("machine-speed").start(game::answer);
    try {
      double[] perHandoff = new double[BATCHES];
      for (int b = 0; b < BATCHES; b++) {
        long start = System.nanoTime();
        for (int i = 0; i < ROUND_TRIPS_PER_BATCH; i++) {
          if (!game.serve(partner)) {
            return 0;
          }
        }
        perHandoff[b] = (System.nanoTime() - start) / 1000.0 / (2.0 * ROUND_TRIPS_PER_BATCH);
      }
      return median(perHandoff);
    } finally {
      game.stop(partner);
    }
  }

  /** The middle of an odd count of values. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** A ball passed between two threads, each parked while the other holds it. */
  private static final class PingPong {
    private static final int SERVED = 1;
    private static final int RETURNED = 2;
    private static final int OVER = 3;

    private final Thread server;
    private final AtomicInteger ball = new AtomicInteger(RETURNED);

    PingPong(Thread server) {
      this.server = server;
    }

    /** Passes the ball and waits for it back; false if it did not come back within the limit. */
    boolean serve(Thread partner) {
      ball.set(SERVED);
      LockSupport.unpark(partner);
      long deadline = System.nanoTime() + GIVE_UP_NANOS;
      while (ball.get() != RETURNED) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        LockSupport.parkNanos(this, GIVE_UP_NANOS);
      }
      return true;
    }

    /** The partner: returns every ball served until the game is over. */
    void answer() {
      while (true) {
        int b = ball.get();
        if (b == OVER) {
          return;
        }
        if (b == SERVED && ball.compareAndSet(SERVED, RETURNED)) {
          LockSupport.unpark(server);
        } else if (b != SERVED) {
          LockSupport.parkNanos(this, GIVE_UP_NANOS);
        }
      }
    }

    void stop(Thread partner) {
      ball.set(OVER);
      LockSupport.unpark(partner);
    }
  }
}
