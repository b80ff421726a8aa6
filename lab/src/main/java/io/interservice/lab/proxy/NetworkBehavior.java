package io.interservice.lab.proxy;

import java.time.Duration;
import java.util.Objects;

/**
 * What the proxy does to the connections it carries, in the shape of Retrofit's {@code
 * NetworkBehavior}: each connection draws a number in [0, 1) from the proxy's seeded random when it
 * opens; the behaviour applies to the connections whose number is below {@code share}.
 *
 * @param delay added before each chunk of the owner's answers is passed on (pipelined: a
 *     connection's throughput is kept, its latency grows)
 * @param share the share of connections affected, 0 to 1
 * @param reset affected connections are reset (TCP RST) at their next chunk
 * @param blackhole affected connections pass nothing on, in either direction, and stay open
 */
public record NetworkBehavior(Duration delay, double share, boolean reset, boolean blackhole) {

  /** Everything passes unchanged. */
  public static final NetworkBehavior NORMAL = new NetworkBehavior(Duration.ZERO, 0, false, false);

  /** Validates the fields. */
  public NetworkBehavior {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be from 0 to 1, was " + share);
    }
  }

  /** Every answer delayed by {@code delay}. */
  public static NetworkBehavior latency(Duration delay) {
    return new NetworkBehavior(delay, 1, false, false);
  }

  /** Whether a connection that drew {@code draw} is affected. */
  boolean affects(double draw) {
    return draw < share && (reset || blackhole || !delay.isZero());
  }
}
