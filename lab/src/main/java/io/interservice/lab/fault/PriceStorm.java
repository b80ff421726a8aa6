package io.interservice.lab.fault;

/** {@code price-storm}: the price update rate multiplied for the window. */
final class PriceStorm implements Fault {
  private final double factor;

  PriceStorm(double factor) {
    this.factor = factor;
  }

  @Override
  public String name() {
    return "price-storm";
  }

  @Override
  public String summary() {
    return "price updates × " + (int) factor + " for the window";
  }

  @Override
  public double updateRateFactor() {
    return factor;
  }

  @Override
  public void begin(Target target) {}

  @Override
  public void end(Target target) {}
}
