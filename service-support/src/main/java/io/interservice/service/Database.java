package io.interservice.service;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A service's own schema: a connection pool as the service's role, migrated at start. */
public final class Database {
  /**
   * Every service session's limits, so that one stuck statement, lock wait or forgotten transaction
   * cannot hold others up: statements end after 10 s, lock waits after 5 s, a transaction left idle
   * after 2 s (its locks released).
   */
  public static final String SESSION_TIMEOUTS =
      "-c statement_timeout=10000 -c lock_timeout=5000 -c idle_in_transaction_session_timeout=2000";

  private Database() {}

  /**
   * Connects as {@code user} with {@code schema} as the search path and applies the migrations
   * under {@code classpath:db/<schema>}.
   */
  public static HikariDataSource open(
      String url,
      String user,
      String password,
      String schema,
      int poolSize,
      java.time.Duration wait) {
    HikariDataSource pool = pool(url, user, password, schema, poolSize, wait);
    migrate(pool, schema);
    return pool;
  }

  /**
   * A connection pool as {@code user}, with {@code schema} as the search path; no migration. A
   * caller waits at most {@code wait} for a connection (then the request is shed), and every
   * session has the timeouts of {@link #SESSION_TIMEOUTS}.
   */
  public static HikariDataSource pool(
      String url,
      String user,
      String password,
      String schema,
      int poolSize,
      java.time.Duration wait) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setSchema(schema);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName(schema + "-" + user);
    config.setConnectionTimeout(Math.max(250, wait.toMillis()));
    config.addDataSourceProperty("options", SESSION_TIMEOUTS);
    return new HikariDataSource(config);
  }

  private static void migrate(DataSource pool, String schema) {
    Flyway.configure()
        .dataSource(pool)
        .schemas(schema)
        .defaultSchema(schema)
        .locations("classpath:db/" + schema)
        .load()
        .migrate();
  }
}
