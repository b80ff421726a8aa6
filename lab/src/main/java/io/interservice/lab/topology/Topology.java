package io.interservice.lab.topology;

import io.interservice.lab.scenario.CatalogAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The whole scenario running: a database (embedded, or an existing one), catalog and checkout.
 * {@link #close()} stops everything it started, in reverse order.
 */
public final class Topology implements AutoCloseable {

  /**
   * What to start.
   *
   * @param home the repository root, where the services' jars are built
   * @param runDir where logs and the embedded database's files go
   * @param dbUrl an existing PostgreSQL's admin JDBC URL, or {@code null} for an embedded one
   * @param catalogPort catalog's port (0 picks a free one)
   * @param checkoutPort checkout's port (0 picks a free one)
   * @param checkoutArgs further checkout flags, such as {@code --technique}
   * @param products products seeded before checkout starts ({@code SKU-00001} ...)
   * @param seed the seed of their prices
   * @param prepare what the technique needs of the database before checkout starts
   */
  public record Options(
      Path home,
      Path runDir,
      @Nullable String dbUrl,
      int catalogPort,
      int checkoutPort,
      List<String> checkoutArgs,
      int products,
      long seed,
      Consumer<ScenarioDatabase> prepare) {}

  private final List<AutoCloseable> started = new ArrayList<>();
  private final ScenarioDatabase database;
  private final ServiceProcess catalog;
  private final ServiceProcess checkout;
  private final @Nullable EmbeddedPostgres postgres;

  private Topology(Options options) {
    try {
      if (options.dbUrl() == null) {
        postgres =
            EmbeddedPostgres.start(cache(), options.runDir().resolve("postgres"), Ports.free());
        started.add(postgres);
        database = ScenarioDatabase.create(postgres);
      } else {
        postgres = null;
        database = ScenarioDatabase.existing(options.dbUrl());
      }
      catalog =
          Services.catalog(
              options.home(),
              database,
              options.catalogPort() == 0
                  ? Ports.freeWith(Services.GRPC_OFFSET)
                  : options.catalogPort(),
              options.runDir());
      started.add(catalog);
      if (options.products() > 0) {
        seed(new CatalogAdmin(catalog.url()), options.products(), options.seed());
      }
      options.prepare().accept(database);
      checkout =
          Services.checkout(
              options.home(),
              database,
              port(options.checkoutPort()),
              catalog.url(),
              options.checkoutArgs(),
              options.runDir());
      started.add(checkout);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static void seed(CatalogAdmin admin, int products, long seed) {
    try {
      admin.seed(products, seed);
    } catch (IOException e) {
      throw new UncheckedIOException("seeding catalog failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while seeding", e);
    }
  }

  /** Starts everything and waits until both services are healthy. */
  public static Topology start(Options options) {
    return new Topology(options);
  }

  /** Where the embedded PostgreSQL's binaries are extracted once per machine. */
  public static Path cache() {
    return Path.of(System.getProperty("user.home"), ".cache", "interservice");
  }

  public ScenarioDatabase database() {
    return database;
  }

  public ServiceProcess catalog() {
    return catalog;
  }

  public ServiceProcess checkout() {
    return checkout;
  }

  /** The embedded server's PID, or -1 when an existing database is used. */
  public long postgresPid() {
    return postgres == null ? -1 : postgres.pid();
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("while stopping: " + e);
      }
    }
    started.clear();
  }

  private static int port(int asked) {
    return asked == 0 ? Ports.free() : asked;
  }
}
