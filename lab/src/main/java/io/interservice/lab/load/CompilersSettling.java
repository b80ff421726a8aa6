package io.interservice.lab.load;

/**
 * Judges, a second at a time, whether the JIT compilers of the services have settled: {@value
 * #QUIET_SECONDS} seconds in a row in which they used less than {@value #QUIET_SHARE} of a core
 * between them. Under closed-loop load a fresh service's compilers use half a core or more for tens
 * of seconds, then drop to a few hundredths; a lull of a second or two between waves of compilation
 * is not yet the end of them.
 */
final class CompilersSettling {
  /** The share of a core below which a second counts as quiet. */
  static final double QUIET_SHARE = 0.05;

  /** Quiet seconds in a row that make the compilers settled. */
  static final int QUIET_SECONDS = 3;

  private int quietInARow;

  /**
   * Hears that the compilers used {@code cpuSeconds} over the last {@code elapsedSeconds}; returns
   * whether they have now settled.
   */
  boolean heard(double cpuSeconds, double elapsedSeconds) {
    if (elapsedSeconds > 0 && cpuSeconds / elapsedSeconds < QUIET_SHARE) {
      quietInARow++;
    } else {
      quietInARow = 0;
    }
    return quietInARow >= QUIET_SECONDS;
  }
}
