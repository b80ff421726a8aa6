package io.interservice.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every owner feature catalog can start, by the name {@code --features} takes. */
final class OwnerFeatures {
  private static final Map<String, OwnerFeature> BY_NAME = new LinkedHashMap<>();

  static {
    for (OwnerFeature f :
        List.of(
            new GrpcFeature(),
            new QuotesFeature(),
            new PushFeature(),
            new EventsFeature(),
            new ReplicatedCacheFeature(),
            new RequestsFeature())) {
      BY_NAME.put(f.name(), f);
    }
  }

  private OwnerFeatures() {}

  /**
   * The features a comma-separated list names; empty for an empty list.
   *
   * @throws IllegalArgumentException naming an unknown feature and listing the known
   */
  static List<OwnerFeature> named(String list) {
    List<OwnerFeature> features = new ArrayList<>();
    for (String raw : list.split(",")) {
      String name = raw.trim();
      if (name.isEmpty()) {
        continue;
      }
      OwnerFeature f = BY_NAME.get(name);
      if (f == null) {
        throw new IllegalArgumentException(
            "unknown feature '" + name + "' in --features; known: " + BY_NAME.keySet());
      }
      if (!features.contains(f)) {
        features.add(f);
      }
    }
    return features;
  }
}
