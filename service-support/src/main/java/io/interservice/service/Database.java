package io.interservice.service;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A service's own schema: a connection pool as the service's role, migrated at start. */
public final class Database {
  private Database() {}

  /**
   * Connects as {@code user} with {@code schema} as the search path and applies the migrations
   * under {@code classpath:db/<schema>}.
   */
  public static HikariDataSource open(
      String url, String user, String password, String schema, int poolSize) {
    HikariDataSource pool = pool(url, user, password, schema, poolSize);
    migrate(pool, schema);
    return pool;
  }

  /** A connection pool as {@code user}, with {@code schema} as the search path; no migration. */
  public static HikariDataSource pool(
      String url, String user, String password, String schema, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setSchema(schema);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName(schema + "-" + user);
    config.setConnectionTimeout(5_000);
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
