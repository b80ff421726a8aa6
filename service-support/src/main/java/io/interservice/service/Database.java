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
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setSchema(schema);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName(schema);
    config.setConnectionTimeout(5_000);
    HikariDataSource pool = new HikariDataSource(config);
    migrate(pool, schema);
    return pool;
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
