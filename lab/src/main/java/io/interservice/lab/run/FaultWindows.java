package io.interservice.lab.run;

import io.interservice.lab.fault.Fault;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** A run's fault window, opened and closed on the load's clock. */
final class FaultWindows {
  private FaultWindows() {}

  /**
   * Opens {@code fault}'s window {@code opensAfter} after {@code loadStart} (a {@link
   * System#nanoTime()}) and closes it {@code lasts} later, marking it in {@code inWindow} and
   * {@code consumerCalls}; does nothing for a fault without a window. A fault that fails is
   * reported, not thrown: the run goes on and its figures show what happened.
   */
  static void run(
      Fault fault,
      Fault.Target target,
      AtomicBoolean inWindow,
      ConsumerCalls consumerCalls,
      long loadStart,
      Duration opensAfter,
      Duration lasts) {
    if (!fault.hasWindow()) {
      return;
    }
    try {
      sleepUntil(loadStart + opensAfter.toNanos());
      inWindow.set(true);
      consumerCalls.open();
      fault.begin(target);
      sleepUntil(loadStart + opensAfter.plus(lasts).toNanos());
      consumerCalls.close();
      inWindow.set(false);
      fault.end(target);
    } catch (Exception e) {
      System.err.println("fault " + fault.name() + " failed: " + e);
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait));
    }
  }
}
