package io.interservice.lab.fault;

import io.interservice.lab.proxy.NetworkBehavior;
import java.time.Duration;

/**
 * A fault on the network between checkout and catalog, made by the lab's proxy in front of
 * catalog's endpoints (HTTP and gRPC alike); neither service knows.
 */
final class OwnerNetworkFault implements Fault {
  private final String name;
  private final String summary;
  private final NetworkBehavior behavior;

  private OwnerNetworkFault(String name, String summary, NetworkBehavior behavior) {
    this.name = name;
    this.summary = summary;
    this.behavior = behavior;
  }

  /** {@code owner-slow}: every answer from catalog delayed by {@code added}. */
  static OwnerNetworkFault slow(Duration added) {
    return new OwnerNetworkFault(
        "owner-slow",
        "catalog's answers delayed by " + added.toMillis() + " ms (lab proxy) for the window",
        NetworkBehavior.latency(added));
  }

  /** {@code owner-partition}: nothing passes either way; connections stay open. */
  static OwnerNetworkFault partition() {
    return new OwnerNetworkFault(
        "owner-partition",
        "a black hole between checkout and catalog (lab proxy): nothing passes, nothing is refused",
        new NetworkBehavior(Duration.ZERO, 1, false, true));
  }

  /** {@code owner-flaky}: a share of the connections to catalog reset. */
  static OwnerNetworkFault flaky(double share) {
    return new OwnerNetworkFault(
        "owner-flaky",
        Math.round(share * 100) + " % of connections to catalog reset (lab proxy) for the window",
        new NetworkBehavior(Duration.ZERO, share, true, false));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public void begin(Target target) {
    target.network().behave(behavior);
  }

  @Override
  public void end(Target target) {
    target.network().behave(NetworkBehavior.NORMAL);
  }
}
