package io.interservice.lab.technique;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every technique the lab knows, by name, in report order. */
public final class Techniques {
  private static final Map<String, Technique> BY_NAME = new LinkedHashMap<>();

  static {
    for (Technique t :
        List.<Technique>of(
            new Direct(),
            new DirectGrpc(),
            new CacheAside(),
            new SharedDb(),
            new DataDomain(),
            new Polling(),
            new Push(),
            new Events(),
            new Bounded(),
            new ReplicatedCache(),
            new Messaging())) {
      BY_NAME.put(t.name(), t);
    }
  }

  private Techniques() {}

  /** All of them. */
  public static List<Technique> all() {
    return List.copyOf(BY_NAME.values());
  }

  /**
   * The techniques named, in the order given.
   *
   * @throws IllegalArgumentException naming an unknown one and listing the known
   */
  public static List<Technique> named(List<String> names) {
    List<Technique> list = new ArrayList<>();
    for (String name : names) {
      Technique t = BY_NAME.get(name.trim());
      if (t == null) {
        throw new IllegalArgumentException(
            "unknown technique '" + name + "'; known: " + BY_NAME.keySet());
      }
      list.add(t);
    }
    return list;
  }
}
