package io.interservice.checkout;

import io.interservice.access.Access;
import io.interservice.access.Reader;
import io.interservice.service.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** The techniques checkout can price orders with, by the name {@code --technique} takes. */
final class Techniques {
  private static final Map<String, Function<Settings, Reader<String, Price>>> BY_NAME =
      Map.of("direct", Techniques::direct);

  private Techniques() {}

  /**
   * The reader for {@code name}.
   *
   * @throws IllegalArgumentException naming the techniques there are
   */
  static Reader<String, Price> reader(String name, Settings settings) {
    Function<Settings, Reader<String, Price>> factory = BY_NAME.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown technique '" + name + "'; known: " + new TreeSet<>(BY_NAME.keySet()));
    }
    return factory.apply(settings);
  }

  private static Reader<String, Price> direct(Settings settings) {
    Duration attempt = settings.duration("attempt-timeout", Duration.ofMillis(500));
    return Access.direct(
            "catalog",
            new CatalogHttpClient(settings.string("catalog-url", "http://127.0.0.1:8081"), attempt))
        .attemptTimeout(attempt)
        .deadline(settings.duration("deadline", Duration.ofSeconds(2)))
        .maxConcurrent(settings.integer("max-concurrent", 64))
        .build();
  }
}
