package io.interservice.access.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ends an attempt that outlives its timeout by interrupting the virtual thread making it: a virtual
 * thread blocked on a socket is woken and the socket closed, as when the attempt ran on a thread of
 * its own and was cancelled, without handing every attempt to another thread and back. One timer
 * thread serves every reader in the JVM.
 */
final class AttemptTimer {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private AttemptTimer() {}

  /**
   * Interrupts the calling thread after {@code timeout} unless {@link Armed#disarm} comes first.
   */
  static Armed arm(Duration timeout) {
    Armed armed = new Armed(Thread.currentThread());
    armed.task = TIMER.schedule(armed, timeout.toNanos(), TimeUnit.NANOSECONDS);
    return armed;
  }

  /** Attempts armed and not yet ended or fired, for tests. */
  static int pending() {
    return TIMER.getQueue().size();
  }

  /** One armed attempt. */
  static final class Armed implements Runnable {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int FIRING = 2;
    private static final int FIRED = 3;

    private final Thread caller;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private volatile ScheduledFuture<?> task;

    private Armed(Thread caller) {
      this.caller = caller;
    }

    @Override
    public void run() {
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
        ScheduledFuture<?> t = task;
        if (t != null) {
          t.cancel(false);
        }
        return false;
      }
      while (state.get() != FIRED) {
        Thread.onSpinWait();
      }
      Thread.interrupted();
      return true;
    }
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "attempt-timer");
              t.setDaemon(true);
              return t;
            });
    // an attempt that ends in time takes its task out at once, not at its timeout
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
