package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.lab.topology.EmbeddedPostgres;
import io.interservice.lab.topology.Ports;
import io.interservice.lab.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's own life: a crash and a restart keep its data (the owner-db-down fault
 * relies on it), a stop deletes the data and keeps the logs (a comparison would otherwise leave
 * about 180 MB behind on every run). Its own server, since its stop is what it tests.
 */
class EmbeddedPostgresTest {

  @Test
  void keepsItsDataThroughACrashAndDeletesItWhenStoppedKeepingTheLog() throws Exception {
    Path dir = Files.createTempDirectory(Lab.runs(), "embedded-postgres-");
    EmbeddedPostgres postgres = EmbeddedPostgres.start(Topology.cache(), dir, Ports.free());
    try (Connection c = DriverManager.getConnection(postgres.adminUrl("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (n int)");
      s.execute("INSERT INTO kept VALUES (42)");
    }

    postgres.crash();
    postgres.restart();

    try (Connection c = DriverManager.getConnection(postgres.adminUrl("postgres"));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT n FROM kept")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getInt(1)).isEqualTo(42);
    }

    postgres.close();

    assertThat(postgres.alive()).isFalse();
    assertThat(dir.resolve("pgdata")).doesNotExist();
    assertThat(dir.resolve("postgres.log")).exists();
  }
}
