package io.interservice.lab.fault;

/** {@code steady}: load and price updates, no fault. */
final class Steady implements Fault {
  @Override
  public String name() {
    return "steady";
  }

  @Override
  public String summary() {
    return "steady load and price updates, no fault";
  }

  @Override
  public boolean hasWindow() {
    return false;
  }

  @Override
  public boolean leavesProcessesAsFound() {
    return true;
  }

  @Override
  public void begin(Target target) {}

  @Override
  public void end(Target target) {}
}
