package io.interservice.lab.run;

import java.util.function.LongSupplier;

/**
 * The measured part cut in two halves: what the owner served, and what checkout's process and its
 * JIT compiler threads used, counted at the midpoint ({@link #mark}, on the load driver's own
 * thread) and at the end ({@link #halves}). The owner's and the CPU counters are rebased at the
 * start by their owners; the compiler's time is counted from this object's construction.
 */
final class Midpoint {
  private final OwnerRequests owner;
  private final ProcessCpu checkoutCpu;
  private final LongSupplier checkoutPid;
  private final double jitFrom;
  private volatile long ownerFirstHalf;
  private volatile double cpuFirstHalf;
  private volatile double jitFirstHalf;

  Midpoint(OwnerRequests owner, ProcessCpu checkoutCpu, LongSupplier checkoutPid) {
    this.owner = owner;
    this.checkoutCpu = checkoutCpu;
    this.checkoutPid = checkoutPid;
    this.jitFrom = ProcessCpu.compilerSeconds(checkoutPid.getAsLong());
  }

  /** The first half ends now. */
  void mark() {
    ownerFirstHalf = owner.total();
    cpuFirstHalf = checkoutCpu.seconds();
    jitFirstHalf = jit();
  }

  /** Both halves, the second ending now, when checkout's CPU over the whole was {@code cpu}. */
  Figures.Halves halves(double cpu) {
    return new Figures.Halves(ownerFirstHalf, cpuFirstHalf, cpu, jitFirstHalf, jit());
  }

  private double jit() {
    return ProcessCpu.compilerSeconds(checkoutPid.getAsLong()) - jitFrom;
  }
}
