package io.interservice.lab.fault;

import io.interservice.lab.scenario.CatalogAdmin;
import io.interservice.lab.technique.Technique;
import io.interservice.lab.topology.Component;
import io.interservice.lab.topology.KafkaCluster;
import io.interservice.lab.topology.OwnerNetwork;
import java.util.Map;
import java.util.function.Consumer;

/** A scenario: what happens inside the fault window (nothing, for {@code steady}). */
public interface Fault {

  /** The name used by {@code --scenarios}. */
  String name();

  /** One line for the report. */
  String summary();

  /** Whether it means something for {@code technique} (a broker fault needs a broker). */
  default boolean appliesTo(Technique technique) {
    return true;
  }

  /** Whether there is a fault window at all. */
  default boolean hasWindow() {
    return true;
  }

  /**
   * Whether the processes are left as they were found, so that the technique's next run may use
   * them as they are; {@code false} for any fault that kills, pauses, slows or alters something.
   */
  default boolean leavesProcessesAsFound() {
    return false;
  }

  /** How much the price update rate is multiplied by inside the window. */
  default double updateRateFactor() {
    return 1;
  }

  /** Starts the fault. */
  void begin(Target target) throws Exception;

  /** Ends it: the system may now recover. */
  void end(Target target) throws Exception;

  /**
   * What a fault acts on.
   *
   * @param components the scenario's running parts, by role (a database run outside the lab is
   *     absent)
   * @param admin the owner's admin API
   * @param network the lab's proxies between checkout and the owner
   * @param kafka the brokers, for a technique that has them (else null)
   * @param beforeStopping called with a component's role before a fault stops it, so that counters
   *     it holds (requests, CPU) can be read first
   */
  record Target(
      Map<Component.Role, Component> components,
      CatalogAdmin admin,
      OwnerNetwork network,
      @org.jspecify.annotations.Nullable KafkaCluster kafka,
      Consumer<Component.Role> beforeStopping) {

    /**
     * The component with {@code role}.
     *
     * @throws IllegalStateException when the scenario has none (a database the lab does not run)
     */
    public Component component(Component.Role role) {
      Component c = components.get(role);
      if (c == null) {
        throw new IllegalStateException(
            "this scenario has no " + role + " the lab controls (an existing --db?)");
      }
      return c;
    }

    /** Reads the counters of the component with {@code role}, then kills it. */
    public void kill(Component.Role role) {
      Component c = component(role);
      beforeStopping.accept(role);
      c.kill();
    }
  }
}
