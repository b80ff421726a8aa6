package io.interservice.lab.fault;

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
    target.beforeOwnerStops().run();
    target.catalog().kill();
  }

  @Override
  public void end(Target target) {
    target.catalog().restart();
  }
}
