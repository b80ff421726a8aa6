package io.interservice.lab.fault;

import io.interservice.lab.proxy.NetworkBehavior;
import java.time.Duration;

/**
 * {@code owner-slow}: every answer from catalog reaches checkout late, delayed by the lab's proxy
 * in front of catalog's endpoints.
 */
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
    return "catalog's answers delayed by " + added.toMillis() + " ms (lab proxy) for the window";
  }

  @Override
  public void begin(Target target) {
    target.network().behave(NetworkBehavior.latency(added));
  }

  @Override
  public void end(Target target) {
    target.network().behave(NetworkBehavior.NORMAL);
  }
}
