package io.interservice.access.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends an attempt that outlives its timeout by interrupting the virtual thread making it: a virtual
 * thread blocked on a socket is woken and the socket closed, as when the attempt ran on a thread of
 * its own and was cancelled, without handing every attempt to another thread and back. One timer
 * thread serves every reader in the JVM.
 *
 * <p>Arming an attempt does not wake the timer thread unless its deadline comes before the thread's
 * next look: while attempts keep coming, the thread looks at least every {@link #ROUND}, so an
 * attempt with a longer timeout is armed and disarmed without a system call, and the thread wakes a
 * few times a second instead of twice an attempt (a scheduled executor signals its thread whenever
 * a task becomes its earliest, which at a steady rate is every task). Ended attempts are dropped
 * when the thread next looks; an attempt whose deadline passes still running is interrupted then,
 * at its deadline, since the thread sleeps no longer than to the earliest running attempt's.
 */
final class AttemptTimer {
  /** The longest the timer thread sleeps while attempts are being armed. */
  static final long ROUND = TimeUnit.MILLISECONDS.toNanos(200);

  private static final PriorityQueue<Armed> ARMED =
      new PriorityQueue<>(Comparator.comparingLong(a -> a.deadline));
  private static final AtomicLong LOOKS = new AtomicLong();

  /** When the timer thread next looks, guarded by {@link #ARMED}; meaningless while it is idle. */
  private static long nextLook;

  /** Whether the timer thread sleeps until an attempt is armed, guarded by {@link #ARMED}. */
  private static boolean idle = true;

  private static final Thread THREAD =
      Thread.ofPlatform().name("attempt-timer").daemon().start(AttemptTimer::watch);

  private AttemptTimer() {}

  /**
   * Interrupts the calling thread after {@code timeout} unless {@link Armed#disarm} comes first.
   */
  static Armed arm(Duration timeout) {
    Armed armed = new Armed(Thread.currentThread(), System.nanoTime() + timeout.toNanos());
    boolean wake;
    synchronized (ARMED) {
      ARMED.add(armed);
      wake = idle || armed.deadline - nextLook < 0;
      if (wake) {
        idle = false;
        nextLook = armed.deadline;
      }
    }
    if (wake) {
      LockSupport.unpark(THREAD);
    }
    return armed;
  }

  /** Attempts armed and not yet ended or fired, for tests. */
  static int pending() {
    synchronized (ARMED) {
      return (int) ARMED.stream().filter(a -> a.state.get() == Armed.RUNNING).count();
    }
  }

  /** How many times the timer thread has looked for attempts to end, for tests. */
  static long looks() {
    return LOOKS.get();
  }

  private static void watch() {
    List<Armed> due = new ArrayList<>();
    while (true) {
      LOOKS.incrementAndGet();
      long now = System.nanoTime();
      long sleep;
      synchronized (ARMED) {
        boolean armedSinceLastLook = !ARMED.isEmpty();
        Armed head;
        while ((head = ARMED.peek()) != null && (head.ended() || head.deadline - now <= 0)) {
          ARMED.poll();
          if (!head.ended()) {
            due.add(head);
          }
        }
        if (head != null) {
          sleep = Math.min(head.deadline - now, ROUND);
        } else {
          sleep = armedSinceLastLook ? ROUND : 0;
        }
        idle = sleep == 0;
        nextLook = now + sleep;
      }
      for (Armed armed : due) {
        armed.run();
      }
      due.clear();
      if (sleep == 0) {
        LockSupport.park();
      } else {
        LockSupport.parkNanos(sleep);
      }
    }
  }

  /** One armed attempt. */
  static final class Armed {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int FIRING = 2;
    private static final int FIRED = 3;

    private final long deadline;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private Thread caller;

    private Armed(Thread caller, long deadline) {
      this.caller = caller;
      this.deadline = deadline;
    }

    private boolean ended() {
      return state.get() != RUNNING;
    }

    private void run() {
      if (state.compareAndSet(RUNNING, FIRING)) {
        caller.interrupt();
        state.set(FIRED);
      }
    }

    /**
     * Ends the attempt, on the thread that armed it. Returns whether its time ran out first; if it
     * did, the interrupt it caused is cleared, so that it cannot reach what the thread does next.
     */
    boolean disarm() {
      if (state.compareAndSet(RUNNING, DONE)) {
        caller = null; // the timer reads it only after winning the state, which it now cannot
        return false;
      }
      while (state.get() != FIRED) {
        Thread.onSpinWait();
      }
      Thread.interrupted();
      return true;
    }
  }
}
