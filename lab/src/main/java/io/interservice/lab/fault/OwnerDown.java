package io.interservice.lab.fault;

import io.interservice.lab.topology.Component;

/** {@code owner-down}: catalog is killed with SIGKILL, then restarted when the window ends. */
final class OwnerDown implements Fault {
  @Override
  public String name() {
    return "owner-down";
  }

  @Override
  public String summary() {
    return "catalog killed (kill -9) for the window, then restarted";
  }

  @Override
  public void begin(Target target) {
    target.kill(Component.Role.OWNER);
  }

  @Override
  public void end(Target target) {
    target.component(Component.Role.OWNER).restart();
  }
}
