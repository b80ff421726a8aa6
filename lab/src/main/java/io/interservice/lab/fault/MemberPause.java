package io.interservice.lab.fault;

import io.interservice.lab.technique.Technique;
import io.interservice.lab.topology.Component;

/**
 * {@code member-pause}: checkout, a member of the replicated cache's cluster, frozen with SIGSTOP,
 * then resumed: the cluster sees a member that answers nothing, then one that has missed changes.
 */
final class MemberPause implements Fault {
  @Override
  public String name() {
    return "member-pause";
  }

  @Override
  public String summary() {
    return "checkout's cluster member frozen (SIGSTOP) for the window, then resumed";
  }

  @Override
  public boolean appliesTo(Technique technique) {
    return technique.joinsCluster();
  }

  @Override
  public void begin(Target target) {
    target.component(Component.Role.CONSUMER).pause();
  }

  @Override
  public void end(Target target) {
    target.component(Component.Role.CONSUMER).resume();
  }
}
