package io.interservice.lab.fault;

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
    target.catalog().pause();
  }

  @Override
  public void end(Target target) {
    target.catalog().resume();
  }
}
