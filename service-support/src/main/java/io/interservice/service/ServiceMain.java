package io.interservice.service;

import io.helidon.webserver.WebServer;
import java.util.Set;

/** What both services' {@code main} methods do: read settings, start, report, fail clearly. */
public final class ServiceMain {
  private ServiceMain() {}

  /** Starts a service built from its settings. */
  @FunctionalInterface
  public interface Starter {
    /** Starts the service and returns its running server. */
    WebServer start(Settings settings) throws Exception;
  }

  /**
   * Parses {@code args}, starts the service and prints {@code <name> listening on <url>}; on a bad
   * setting prints the reason and exits with status 2.
   */
  public static void run(String name, String[] args, Set<String> flags, Starter starter) {
    run(name, args, s -> flags, starter);
  }

  /**
   * As {@link #run(String, String[], Set, Starter)}, the flags known depending on settings read
   * first (checkout's technique brings its own flags, catalog's features theirs).
   */
  public static void run(
      String name,
      String[] args,
      java.util.function.Function<Settings, Set<String>> flags,
      Starter starter) {
    Settings settings;
    String prefix = name.toUpperCase(java.util.Locale.ROOT);
    try {
      Set<String> known = flags.apply(Settings.lenient(args, System.getenv(), prefix));
      settings = Settings.parse(args, System.getenv(), prefix, known);
    } catch (IllegalArgumentException e) {
      System.err.println(name + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      WebServer server = starter.start(settings);
      System.out.println(name + " listening on http://127.0.0.1:" + server.port());
      System.out.flush();
    } catch (IllegalArgumentException e) {
      System.err.println(name + ": " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println(name + ": failed to start: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  /** Flags every service accepts. */
  public static Set<String> commonFlags(String... more) {
    java.util.Set<String> all =
        new java.util.HashSet<>(
            Set.of("host", "port", "db-url", "db-user", "db-password", "db-pool"));
    all.addAll(Set.of(more));
    return Set.copyOf(all);
  }
}
