package io.interservice.service;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.webserver.WebServer;
import io.interservice.service.identity.Signer;
import io.interservice.service.identity.Trust;
import java.nio.file.Path;
import java.time.Clock;
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

  /**
   * A service's identity: its own key, which signs its calls, and what it trusts.
   *
   * @param signer its private key ({@code --identity-key-file})
   * @param trust who may call it, for what ({@code --trust-file})
   */
  public record Identity(Signer signer, Trust trust) {}

  /**
   * Loads the identity of the service {@code name} from {@code --identity-key-file} and {@code
   * --trust-file} (or their environment variables).
   *
   * @throws IllegalArgumentException naming the flag that is missing or the file that is wrong
   */
  public static Identity identity(Settings settings, String name, Clock clock) {
    Signer signer = Signer.load(Path.of(settings.required("identity-key-file")), clock);
    if (!signer.name().equals(name)) {
      throw new IllegalArgumentException(
          "--identity-key-file holds the key of '" + signer.name() + "', not of " + name);
    }
    return new Identity(signer, Trust.load(Path.of(settings.required("trust-file")), name, clock));
  }

  /**
   * The service's database pool as {@code --db-user}, its password from the environment ({@code
   * <NAME>_DB_PASSWORD}) or {@code --db-password-file}, migrated.
   */
  public static HikariDataSource database(Settings settings, String schema) {
    return Database.open(
        settings.required("db-url"),
        settings.required("db-user"),
        settings.secret("db-password"),
        schema,
        settings.integer("db-pool", 16),
        settings.duration("db-wait", java.time.Duration.ofMillis(500)));
  }

  /** The API of a service, guarded by its {@code identity}. */
  public static Api api(Settings settings, Metrics metrics, Identity identity) {
    return new Api(metrics, identity.trust(), settings.integer("max-in-flight", 64));
  }

  /** Flags every service accepts. */
  public static Set<String> commonFlags(String... more) {
    java.util.Set<String> all =
        new java.util.HashSet<>(
            Set.of(
                "host",
                "port",
                "db-url",
                "db-user",
                "db-password-file",
                "db-pool",
                "db-wait",
                "identity-key-file",
                "trust-file",
                "max-in-flight"));
    all.addAll(Set.of(more));
    return Set.copyOf(all);
  }
}
