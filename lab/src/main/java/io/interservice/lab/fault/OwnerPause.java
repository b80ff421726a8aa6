package io.interservice.lab.fault;

import io.interservice.lab.topology.Component;

/** {@code owner-pause}: catalog frozen with SIGSTOP, resumed with SIGCONT. */
final class OwnerPause implements Fault {
  @Override
  public String name() {
    return "owner-pause";
  }

  @Override
  public String summary() {
    return "catalog frozen (SIGSTOP) for the window: connections open, no answers";
  }

  @Override
  public void begin(Target target) {
    target.component(Component.Role.OWNER).pause();
  }

  @Override
  public void end(Target target) {
    target.component(Component.Role.OWNER).resume();
  }
}
