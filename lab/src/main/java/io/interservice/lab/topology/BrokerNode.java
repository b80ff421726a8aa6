package io.interservice.lab.topology;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One Kafka node (broker and controller) in a JVM of its own, started from the {@code broker}
 * module's jars; it keeps its data across {@link #kill()} and {@link #restart()}.
 */
final class BrokerNode implements Component {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final List<String> command;
  private final Path log;
  private final int port;
  private Process process;

  private BrokerNode(List<String> command, Path log, int port) {
    this.command = command;
    this.log = log;
    this.port = port;
    this.process = launch();
  }

  /**
   * Starts node {@code nodeId} of cluster {@code clusterId} on {@code port} (its controller on
   * {@code controllerPort}), data under {@code dir}; {@code voters} null for a single node.
   */
  static BrokerNode start(
      Path home,
      Path dir,
      int nodeId,
      int port,
      int controllerPort,
      String clusterId,
      @org.jspecify.annotations.Nullable String voters) {
    Path target = home.resolve("broker").resolve("target");
    Path jar = target.resolve("broker.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build first (./interservice build)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseParallelGC"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.addAll(
        List.of("-cp", jar + java.io.File.pathSeparator + target.resolve("libs") + "/*"));
    command.add("io.interservice.broker.BrokerMain");
    command.addAll(
        List.of(
            "--dir",
            dir.toString(),
            "--node-id",
            Integer.toString(nodeId),
            "--port",
            Integer.toString(port),
            "--controller-port",
            Integer.toString(controllerPort),
            "--cluster-id",
            clusterId));
    if (voters != null) {
      command.addAll(List.of("--voters", voters));
    }
    return new BrokerNode(List.copyOf(command), dir.resolve("broker.log"), port);
  }

  /** Where clients reach it. */
  String address() {
    return "127.0.0.1:" + port;
  }

  /** Waits until it accepts connections; throws if it exits first or takes over a minute. */
  void awaitListening() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the broker exited at start; see " + log + ":\n" + Processes.tail(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException e) {
        Processes.pause(Duration.ofMillis(100));
      }
    }
    close();
    throw new IllegalStateException("the broker did not listen within " + START_TIMEOUT);
  }

  @Override
  public Role role() {
    return Role.BROKER;
  }

  @Override
  public synchronized long pid() {
    return process.pid();
  }

  @Override
  public synchronized boolean alive() {
    return process.isAlive();
  }

  @Override
  public synchronized void kill() {
    process.destroyForcibly();
    Processes.awaitExit(process, Duration.ofSeconds(10));
  }

  @Override
  public synchronized void pause() {
    Processes.signal(process.pid(), "STOP");
  }

  @Override
  public synchronized void resume() {
    Processes.signal(process.pid(), "CONT");
  }

  @Override
  public synchronized void restart() {
    if (process.isAlive()) {
      close();
    }
    process = launch();
    awaitListening();
  }

  @Override
  public synchronized void close() {
    if (process.isAlive()) {
      process.destroy();
      Processes.awaitExit(process, Duration.ofSeconds(15));
    }
  }

  private Process launch() {
    return Processes.launch("broker", command, log);
  }
}
