package io.interservice.access;

import java.time.Duration;

/** Waits; injected so that tests can advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real one: {@link Thread#sleep(Duration)}. */
  static Sleeper system() {
    return Thread::sleep;
  }
}
