package io.interservice.lab.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every scenario the lab knows, by name. */
public final class Faults {
  private static final Map<String, Fault> BY_NAME = new LinkedHashMap<>();

  static {
    for (Fault f :
        List.of(
            new Steady(),
            ComponentDown.owner(),
            ComponentDown.ownerDatabase(),
            new OwnerPause(),
            OwnerNetworkFault.slow(Duration.ofMillis(800)),
            OwnerNetworkFault.partition(),
            OwnerNetworkFault.flaky(0.5),
            new PriceStorm(50),
            new SchemaChange(),
            ComponentDown.broker(),
            new BrokerFailover(),
            ComponentDown.relayKill(),
            ComponentDown.consumerRestart(),
            new MemberPause())) {
      BY_NAME.put(f.name(), f);
    }
  }

  private Faults() {}

  /** All of them. */
  public static List<Fault> all() {
    return List.copyOf(BY_NAME.values());
  }

  /**
   * The scenarios named, in the order given.
   *
   * @throws IllegalArgumentException naming an unknown one and listing the known
   */
  public static List<Fault> named(List<String> names) {
    List<Fault> list = new ArrayList<>();
    for (String name : names) {
      Fault f = BY_NAME.get(name.trim());
      if (f == null) {
        throw new IllegalArgumentException(
            "unknown scenario '" + name + "'; known: " + BY_NAME.keySet());
      }
      list.add(f);
    }
    return list;
  }
}
