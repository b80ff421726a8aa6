package io.interservice.lab.run;

import io.interservice.lab.topology.Component;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CPU meter per process of a run, named for the report ({@code catalog}, {@code checkout},
 * {@code postgres-catalog}…); a database server both services share is metered once.
 */
final class ProcessMeters {
  /** The consumer's name in the report. */
  static final String CHECKOUT = "checkout";

  private final Map<String, ProcessCpu> byName = new LinkedHashMap<>();
  private final Map<Component.Role, ProcessCpu> byRole = new EnumMap<>(Component.Role.class);

  ProcessMeters(Map<Component.Role, Component> components, boolean sharedDatabase) {
    Map<Component, ProcessCpu> byComponent = new IdentityHashMap<>();
    components.forEach((role, c) ->
        byRole.put(
            role,
            byComponent.computeIfAbsent(
                c,
                k -> {
                  ProcessCpu meter = new ProcessCpu(k.pid());
                  byName.put(name(role, sharedDatabase), meter);
                  return meter;
                })));
  }

  /** The meters by the names the report gives them. */
  Map<String, ProcessCpu> byName() {
    return byName;
  }

  /** CPU seconds each used since {@link #rebase()}, by the names the report gives them. */
  Map<String, Double> secondsByName() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    byName.forEach((name, meter) -> seconds.put(name, meter.seconds()));
    return seconds;
  }

  /** Banks what the process in {@code role} used; call before it stops. */
  void checkpoint(Component.Role role) {
    byRole.get(role).checkpoint();
  }

  /** Follows processes restarted during the run. */
  void follow(Map<Component.Role, Component> components) {
    components.forEach((role, c) -> byRole.get(role).follow(c.pid()));
  }

  /** Starts counting from now. */
  void rebase() {
    byName.values().forEach(ProcessCpu::rebase);
  }

  /** CPU seconds all of them used since {@link #rebase()}. */
  double seconds() {
    return byName.values().stream().mapToDouble(ProcessCpu::seconds).sum();
  }

  private static String name(Component.Role role, boolean sharedDatabase) {
    return switch (role) {
      case OWNER -> "catalog";
      case CONSUMER -> CHECKOUT;
      case OWNER_DATABASE -> sharedDatabase ? "postgres" : "postgres-catalog";
      case CONSUMER_DATABASE -> "postgres-checkout";
      case BROKER -> "kafka";
    };
  }
}
