package io.interservice.lab.fault;

import java.time.Duration;

/** {@code owner-slow}: catalog's read endpoints answer after an added delay. */
final class OwnerSlow implements Fault {
  private final Duration added;

  OwnerSlow(Duration added) {
    this.added = added;
  }

  @Override
  public String name() {
    return "owner-slow";
  }

  @Override
  public String summary() {
    return "catalog's reads delayed by " + added.toMillis() + " ms for the window";
  }

  @Override
  public void begin(Target target) throws Exception {
    target.admin().setLatency(added.toMillis());
  }

  @Override
  public void end(Target target) throws Exception {
    target.admin().setLatency(0);
  }
}
