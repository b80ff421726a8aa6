package io.interservice.lab.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server started from the binaries in a Maven artifact, listening on 127.0.0.1
 * only. As root it runs inside a user namespace ({@code unshare -U}), since PostgreSQL refuses to
 * run as root. {@link #close()} stops it (fast shutdown, by PID) and deletes its data directory,
 * scratch that a comparison leaves at about 180 MB a run; its logs stay.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  static final String SUPERUSER = "postgres";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final List<String> command;
  private final int port;
  private final String password;
  private final Path log;
  private final Path data;
  private Process process;

  private EmbeddedPostgres(List<String> command, int port, String password, Path log, Path data)
      throws IOException {
    this.command = command;
    this.data = data;
    this.port = port;
    this.password = password;
    this.log = log;
    this.process = launch();
  }

  private Process launch() throws IOException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    Processes.track(p);
    return p;
  }

  /**
   * Initialises a cluster in {@code dir} and starts it on {@code port}; binaries are extracted into
   * {@code cache} the first time.
   */
  public static EmbeddedPostgres start(Path cache, Path dir, int port) {
    Path home = PostgresBinaries.installed(cache);
    Path data = dir.resolve("pgdata");
    Path log = dir.resolve("postgres.log");
    byte[] random = new byte[18];
    new java.security.SecureRandom().nextBytes(random);
    String password = java.util.HexFormat.of().formatHex(random);
    try {
      Files.createDirectories(dir);
      Path pwfile = dir.resolve("pwfile");
      io.interservice.service.identity.Provisioning.writePrivate(pwfile, password + "\n");
      run(
          command(
              home.resolve("bin/initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              SUPERUSER,
              "--pwfile=" + pwfile,
              "-A",
              "scram-sha-256",
              "-E",
              "UTF8",
              "--no-locale"),
          dir.resolve("initdb.log"));
      Files.delete(pwfile);
      List<String> server =
          command(
              home.resolve("bin/postgres").toString(),
              "-D",
              data.toString(),
              "-p",
              Integer.toString(port),
              "-c",
              "listen_addresses=127.0.0.1",
              "-c",
              "unix_socket_directories=" + dir,
              "-c",
              "max_connections=300",
              "-c",
              "shared_buffers=128MB",
              // a new WAL segment is not filled with 16 MB of zeros first: that write and its
              // fsync, under the WAL write lock, stalled every commit for tens of milliseconds
              "-c",
              "wal_init_zero=off",
              // the audit dates price changes and orders by their commits
              "-c",
              "track_commit_timestamp=on");
      EmbeddedPostgres pg = new EmbeddedPostgres(server, port, password, log, data);
      pg.awaitReady();
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL in " + dir, e);
    }
  }

  /** A JDBC URL for {@code database} with the superuser's credentials. */
  public String adminUrl(String database) {
    return url(database) + "?user=" + SUPERUSER + "&password=" + password;
  }

  /** A JDBC URL for {@code database} without credentials. */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The server's PID. */
  public synchronized long pid() {
    return process.pid();
  }

  /** Whether the server's process is alive. */
  public synchronized boolean alive() {
    return process.isAlive();
  }

  /**
   * Freezes the server and its backends ({@code SIGSTOP}): connections stay open, nothing answers.
   */
  public synchronized void pause() {
    signalAll("STOP");
  }

  /** Lets a paused server go on. */
  public synchronized void resume() {
    signalAll("CONT");
  }

  private void signalAll(String signal) {
    Processes.signal(process.pid(), signal);
    process.descendants().forEach(p -> Processes.signal(p.pid(), signal));
  }

  /**
   * Stops the server as a crash would: immediate shutdown ({@code SIGQUIT}: every backend ends at
   * once, nothing is flushed), so that {@link #restart()} recovers from the write-ahead log.
   */
  public synchronized void crash() {
    Processes.signal(process.pid(), "QUIT");
    Processes.awaitExit(process, Duration.ofSeconds(15));
  }

  /**
   * Starts the server again on the same data and port, after {@link #crash()}, and waits for it.
   */
  public synchronized void restart() {
    if (process.isAlive()) {
      stop();
    }
    try {
      process = launch();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restart PostgreSQL", e);
    }
    awaitReady();
  }

  /** Stops the server and deletes its data directory. */
  @Override
  public synchronized void close() {
    stop();
    PostgresBinaries.deleteTree(data);
  }

  /** Fast shutdown, then a kill if it has not stopped within 15 s. */
  private void stop() {
    Processes.signal(process.pid(), "INT");
    Processes.awaitExit(process, Duration.ofSeconds(15));
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "PostgreSQL exited at start; see " + log + ":\n" + Processes.tail(log));
      }
      try (Connection c = DriverManager.getConnection(adminUrl("postgres"))) {
        if (c.isValid(2)) {
          return;
        }
      } catch (SQLException e) {
        last = e;
        Processes.pause(Duration.ofMillis(100));
      }
    }
    stop(); // its data stays beside the log, for whoever finds out why
    throw new IllegalStateException(
        "PostgreSQL did not accept connections within " + START_TIMEOUT + ": " + last);
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    if (Processes.runningAsRoot()) {
      command.add("unshare");
      command.add("-U");
    }
    command.addAll(List.of(args));
    return command;
  }

  private static void run(List<String> command, Path log) throws IOException {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(
            String.join(" ", command) + " failed; see " + log + ":\n" + Processes.tail(log));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
