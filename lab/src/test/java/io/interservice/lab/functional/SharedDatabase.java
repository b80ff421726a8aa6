package io.interservice.lab.functional;

import io.interservice.lab.topology.EmbeddedPostgres;
import io.interservice.lab.topology.Ports;
import io.interservice.lab.topology.ScenarioDatabase;
import io.interservice.lab.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One embedded PostgreSQL for the whole test run, started on first use, stopped at exit. */
final class SharedDatabase {
  private static ScenarioDatabase database;
  private static EmbeddedPostgres postgres;

  private SharedDatabase() {}

  static synchronized ScenarioDatabase get() {
    if (database == null) {
      try {
        Path dir = Files.createTempDirectory(Lab.runs(), "tests-postgres-");
        postgres = EmbeddedPostgres.start(Topology.cache(), dir, Ports.free());
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-test-postgres"));
        database = ScenarioDatabase.create(postgres);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return database;
  }

  static synchronized long postgresPid() {
    get();
    return postgres.pid();
  }

  /** Freezes the server ({@code SIGSTOP}): connections stay open, nothing answers. */
  static synchronized void pause() {
    get();
    postgres.pause();
  }

  /** Lets a frozen server go on. */
  static synchronized void resume() {
    postgres.resume();
  }
}
