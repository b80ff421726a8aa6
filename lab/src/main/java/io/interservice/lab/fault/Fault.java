package io.interservice.lab.fault;

import io.interservice.lab.scenario.CatalogAdmin;
import io.interservice.lab.topology.OwnerNetwork;
import io.interservice.lab.topology.ScenarioDatabase;
import io.interservice.lab.topology.ServiceProcess;

/** A scenario: what happens inside the fault window (nothing, for {@code steady}). */
public interface Fault {

  /** The name used by {@code --scenarios}. */
  String name();

  /** One line for the report. */
  String summary();

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
   * @param catalog the owner's process
   * @param admin the owner's admin API
   * @param network the lab's proxies between checkout and the owner
   * @param ownerDatabase the owner's database (checkout's too for the techniques that share it)
   * @param beforeOwnerStops called before the owner's process is stopped, so that counters it holds
   *     can be read first
   * @param beforeOwnerDatabaseStops the same, before the owner's database server is stopped
   */
  record Target(
      ServiceProcess catalog,
      CatalogAdmin admin,
      OwnerNetwork network,
      ScenarioDatabase ownerDatabase,
      Runnable beforeOwnerStops,
      Runnable beforeOwnerDatabaseStops) {}
}
