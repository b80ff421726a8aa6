package io.interservice.lab.topology;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * The scenario's database: one schema and one login role per service, each role owning its own
 * schema and nothing else, so that the database itself enforces who owns what.
 */
public final class ScenarioDatabase {
  /** The services, each a role and a schema of the same name. */
  public static final String CATALOG = "catalog";

  /** The consumer service's role and schema. */
  public static final String CHECKOUT = "checkout";

  /** The role checkout uses for {@code shared-db}: SELECT on catalog's products table only. */
  public static final String CHECKOUT_SHARED = "checkout_shared";

  /** The schema catalog publishes its data domain in (created here, owned by catalog). */
  public static final String PUBLISHED = "catalog_published";

  static final String DATABASE = "interservice";

  private final String adminUrl;
  private final String serviceUrl;
  private final @Nullable EmbeddedPostgres server;
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private final java.util.Map<String, String> passwords =
      new java.util.concurrent.ConcurrentHashMap<>();

  private ScenarioDatabase(String adminUrl, String serviceUrl, @Nullable EmbeddedPostgres server) {
    this.adminUrl = adminUrl;
    this.serviceUrl = serviceUrl;
    this.server = server;
  }

  /** The embedded server's PID, or -1 for an existing database (its CPU is not measured). */
  public long serverPid() {
    return server == null ? -1 : server.pid();
  }

  /**
   * The embedded server as a component with {@code role}, for the faults that crash, pause and
   * restart it.
   *
   * @throws IllegalStateException for an existing database, which the lab does not control
   */
  public Component component(Component.Role role) {
    EmbeddedPostgres pg = server();
    return new Component() {
      @Override
      public Role role() {
        return role;
      }

      @Override
      public long pid() {
        return pg.pid();
      }

      @Override
      public boolean alive() {
        return pg.alive();
      }

      @Override
      public void kill() {
        pg.crash();
      }

      @Override
      public void pause() {
        pg.pause();
      }

      @Override
      public void resume() {
        pg.resume();
      }

      @Override
      public void restart() {
        pg.restart();
      }

      @Override
      public void close() {
        pg.close();
      }
    };
  }

  /**
   * The embedded server, for the faults that crash and restart it.
   *
   * @throws IllegalStateException for an existing database, which the lab does not control
   */
  public EmbeddedPostgres server() {
    if (server == null) {
      throw new IllegalStateException(
          "this scenario runs on an existing database (--db), which the lab does not stop");
    }
    return server;
  }

  /** Creates the database, roles and empty schemas on an embedded server. */
  public static ScenarioDatabase create(EmbeddedPostgres pg) {
    try (Connection c = DriverManager.getConnection(pg.adminUrl("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + DATABASE, e);
    }
    ScenarioDatabase db = new ScenarioDatabase(pg.adminUrl(DATABASE), pg.url(DATABASE), pg);
    db.reset();
    return db;
  }

  /**
   * Uses an existing database given by a JDBC URL whose user may create roles (credentials as
   * {@code user} and {@code password} parameters). Its {@code catalog} and {@code checkout} schemas
   * are dropped and made anew.
   */
  public static ScenarioDatabase existing(String adminJdbcUrl) {
    String withoutParams = adminJdbcUrl.split("\\?", 2)[0];
    URI uri = URI.create(withoutParams.substring("jdbc:".length()));
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException(
          "--db must look like jdbc:postgresql://host:port/database?user=...&password=..., was "
              + adminJdbcUrl);
    }
    ScenarioDatabase db = new ScenarioDatabase(adminJdbcUrl, withoutParams, null);
    db.reset();
    return db;
  }

  /** A JDBC URL without credentials, for the services. */
  public String serviceUrl() {
    return serviceUrl;
  }

  /** The superuser's URL, for the lab's read-only audit and for tests. */
  public String adminUrl() {
    return adminUrl;
  }

  /**
   * The password of a service's role (the role's name is the service's): random, made anew for each
   * scenario database, handed to the services through their environment.
   */
  public String password(String role) {
    return passwords.computeIfAbsent(
        role,
        r -> {
          byte[] bytes = new byte[18];
          RANDOM.nextBytes(bytes);
          return java.util.HexFormat.of().formatHex(bytes);
        });
  }

  /** The role granted read access to catalog's data domain (view and {@code lock_prices}). */
  public static final String PUBLISHED_READER = "catalog_published_reader";

  /**
   * Lets role {@value #CHECKOUT_SHARED} read catalog's products table (and nothing else): the
   * shared-database anti-pattern, granted after catalog created its tables.
   */
  public void grantSharedRead() {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("GRANT USAGE ON SCHEMA " + CATALOG + " TO " + CHECKOUT_SHARED);
      s.execute("GRANT SELECT ON " + CATALOG + ".products TO " + CHECKOUT_SHARED);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot grant the shared read", e);
    }
  }

  /** Drops and recreates both services' schemas (and their roles, if missing): a clean slate. */
  public void reset() {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + PUBLISHED + " CASCADE");
      s.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + PUBLISHED_READER
              + "') THEN CREATE ROLE "
              + PUBLISHED_READER
              + " NOLOGIN; END IF; END $$");
      for (String role : new String[] {CATALOG, CHECKOUT, CHECKOUT_SHARED}) {
        s.execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
                + role
                + "') THEN CREATE ROLE "
                + role
                + " LOGIN; END IF; END $$");
        s.execute("ALTER ROLE " + role + " PASSWORD '" + password(role) + "'");
        // the same limits the services set on their sessions, for any other session as the role
        s.execute("ALTER ROLE " + role + " SET statement_timeout = '10s'");
        s.execute("ALTER ROLE " + role + " SET lock_timeout = '5s'");
        s.execute("ALTER ROLE " + role + " SET idle_in_transaction_session_timeout = '2s'");
        if (!role.equals(CHECKOUT_SHARED)) {
          s.execute("DROP SCHEMA IF EXISTS " + role + " CASCADE");
          s.execute("CREATE SCHEMA " + role + " AUTHORIZATION " + role);
          s.execute("REVOKE ALL ON SCHEMA " + role + " FROM PUBLIC");
        }
      }
      s.execute("CREATE SCHEMA " + PUBLISHED + " AUTHORIZATION " + CATALOG);
      s.execute("GRANT " + PUBLISHED_READER + " TO " + CHECKOUT);
      s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the scenario's schemas", e);
    }
  }
}
