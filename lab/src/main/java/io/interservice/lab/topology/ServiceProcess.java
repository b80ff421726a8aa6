package io.interservice.lab.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service running as its own JVM on a fixed port of 127.0.0.1, its output appended to a log. It
 * can be killed, paused, resumed and restarted on the same port; {@link #close()} stops it.
 */
public final class ServiceProcess implements Component {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private final String name;
  private final Role role;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private final int port;
  private Process process;

  private ServiceProcess(
      String name,
      Role role,
      List<String> command,
      Map<String, String> environment,
      Path log,
      int port) {
    this.name = name;
    this.role = role;
    this.command = command;
    this.environment = environment;
    this.log = log;
    this.port = port;
    this.process = launch();
    awaitHealthy();
  }

  /** The flag that makes a service a member of the replicated cache's cluster. */
  static final String CLUSTER_NAME = "--cluster-name";

  /**
   * What an embedded Hazelcast member needs of the JDK's internals (the replicated cache), given to
   * a service started with {@link #CLUSTER_NAME}.
   */
  private static final List<String> HAZELCAST_OPENS =
      List.of(
          "--add-modules",
          "java.se",
          "--add-exports",
          "java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.lang=ALL-UNNAMED",
          "--add-opens",
          "java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens",
          "java.management/sun.management=ALL-UNNAMED",
          "--add-opens",
          "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  /**
   * How a service's JVM waits for sockets (see docs/deployment.md): a blocked socket read is woken
   * by a platform poller thread that unparks the virtual thread directly (JDK 21's way), where JDK
   * 25's default adds a hop through a poller virtual thread on a carrier, one more thread switch
   * per wake-up. The JIT keeps its usual thresholds: compiling after a twentieth of them saved CPU
   * per order at 100 orders/s, but at start its compilations starved the order path on two slow
   * cores until checkout's breaker opened against a healthy catalog (docs/deployment.md).
   */
  static final List<String> SERVICE_IO = List.of("-Djdk.pollerMode=1");

  /**
   * Starts {@code service} ({@code catalog} or {@code checkout}) from its jar under {@code home},
   * with {@code args} and its secrets in {@code environment} (never on the command line), listening
   * on {@code port}, and waits until {@code /health/ready} answers 200.
   */
  public static ServiceProcess start(
      Path home,
      String service,
      String mainClass,
      List<String> args,
      Map<String, String> environment,
      int port,
      Path log) {
    Path target = home.resolve(service).resolve("target");
    Path jar = target.resolve(service + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build first (./interservice build)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xms64m", "-Xmx512m", "-XX:+UseParallelGC"));
    command.addAll(SERVICE_IO);
    // every collection with its pause, beside the log: a latency spike can be matched against them
    command.add("-Xlog:gc:file=" + gcLog(log) + ":uptime,time");
    if (args.contains(CLUSTER_NAME)) {
      // only a member needs them: with them, the JDK's own class-data archive loses its module
      // graph (and says so in three error lines at the top of the log)
      command.addAll(HAZELCAST_OPENS);
    }
    // a class-data archive made on the first clean exit makes later starts faster
    command.add("-XX:+AutoCreateSharedArchive");
    command.add("-XX:SharedArchiveFile=" + freshArchive(target, service));
    command.addAll(
        List.of("-cp", jar + java.io.File.pathSeparator + target.resolve("libs") + "/*"));
    command.add(mainClass);
    command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
    command.addAll(args);
    Role role = service.equals("catalog") ? Role.OWNER : Role.CONSUMER;
    return new ServiceProcess(
        service, role, List.copyOf(command), Map.copyOf(environment), log, port);
  }

  /** {@code checkout.log}'s collections go to {@code checkout.gc.log}, beside it. */
  private static Path gcLog(Path log) {
    String name = log.getFileName().toString();
    return log.resolveSibling(
        (name.endsWith(".log") ? name.substring(0, name.length() - 4) : name) + ".gc.log");
  }

  /**
   * The service's class-data archive, deleted first when a jar on its class path is newer: the JVM
   * refuses an archive whose jars changed and, with the file still there, never writes a new one.
   */
  private static Path freshArchive(Path target, String service) {
    Path archive = target.resolve(service + ".jsa");
    if (!Files.exists(archive)) {
      return archive;
    }
    try (DirectoryStream<Path> libs = Files.newDirectoryStream(target.resolve("libs"))) {
      FileTime made = Files.getLastModifiedTime(archive);
      boolean stale =
          Files.getLastModifiedTime(target.resolve(service + ".jar")).compareTo(made) > 0;
      for (Path lib : libs) {
        stale |= Files.getLastModifiedTime(lib).compareTo(made) > 0;
      }
      if (stale) {
        Files.deleteIfExists(archive);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + archive, e);
    }
    return archive;
  }

  /** Where the service answers. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Where its output goes. */
  public Path log() {
    return log;
  }

  @Override
  public Role role() {
    return role;
  }

  /** The service's PID while it runs. */
  @Override
  public long pid() {
    return process.pid();
  }

  /** Whether the process is alive. */
  @Override
  public boolean alive() {
    return process.isAlive();
  }

  /** {@code kill -9}: the service dies at once, with no chance to clean up. */
  @Override
  public void kill() {
    process.destroyForcibly();
    Processes.awaitExit(process, Duration.ofSeconds(10));
  }

  /** {@code SIGSTOP}: the process freezes; connections stay open but nothing answers. */
  @Override
  public void pause() {
    Processes.signal(process.pid(), "STOP");
  }

  /** {@code SIGCONT}: a paused process goes on. */
  @Override
  public void resume() {
    Processes.signal(process.pid(), "CONT");
  }

  /** Appends a line to the service's log, between its own lines, to mark what the lab does. */
  public void note(String line) {
    try {
      Files.writeString(log, "--- " + line + "\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + log, e);
    }
  }

  /** Starts the service again on the same port (after {@link #kill()}) and waits for health. */
  @Override
  public void restart() {
    if (process.isAlive()) {
      close();
    }
    process = launch();
    awaitHealthy();
  }

  /**
   * Starts the service again on the same port (after {@link #kill()}) and waits only until it is
   * live ({@code /health/live}), not until it is ready.
   */
  public void restartLive() {
    if (process.isAlive()) {
      close();
    }
    process = launch();
    try {
      waitFor("/health/live");
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Stops the service: SIGTERM, then a kill if it has not exited within 10 s. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      Processes.awaitExit(process, Duration.ofSeconds(10));
    }
  }

  private Process launch() {
    return Processes.launch(name, command, environment, log);
  }

  /**
   * Waits until {@code /health/ready} answers 200; stops the service and throws if it exits first,
   * is not healthy within a minute, or the wait is interrupted.
   */
  private void awaitHealthy() {
    try {
      waitFor("/health/ready");
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void waitFor(String healthPath) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    HttpRequest health =
        HttpRequest.newBuilder(url().resolve(healthPath)).timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited at start; see " + log + ":\n" + Processes.tail(log));
      }
      try {
        if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
      Processes.pause(Duration.ofMillis(100));
    }
    throw new IllegalStateException(
        name + " was not healthy within " + START_TIMEOUT + "; see " + log);
  }
}
