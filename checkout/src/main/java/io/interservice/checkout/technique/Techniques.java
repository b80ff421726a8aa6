package io.interservice.checkout.technique;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every technique checkout can price orders with, by the name {@code --technique} takes. */
public final class Techniques {
  /** The technique of a checkout started without {@code --technique}. */
  public static final String DEFAULT = "direct";

  private static final Map<String, Technique> BY_NAME = new LinkedHashMap<>();

  static {
    for (Technique t :
        List.of(
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

  /**
   * The technique called {@code name}.
   *
   * @throws IllegalArgumentException naming the techniques there are
   */
  public static Technique named(String name) {
    Technique t = BY_NAME.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "unknown technique '" + name + "'; known: " + BY_NAME.keySet());
    }
    return t;
  }
}
