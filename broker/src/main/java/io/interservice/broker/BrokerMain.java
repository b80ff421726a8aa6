package io.interservice.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one Kafka node in KRaft mode, broker and controller in one process, on 127.0.0.1: writes its
 * configuration, formats its storage on the first start (a restart keeps its data) and runs it.
 *
 * <pre>
 * BrokerMain --dir D --node-id N --port P --controller-port C --cluster-id ID
 *            [--voters "1@127.0.0.1:C1,2@127.0.0.1:C2,3@127.0.0.1:C3"]
 * </pre>
 *
 * Without {@code --voters} it is a single-node cluster (replication factor 1); with them, one of a
 * cluster of that many nodes (replication factor 3, {@code min.insync.replicas} 2).
 */
public final class BrokerMain {
  private BrokerMain() {}

  /** Starts the node; returns when Kafka stops. Exits with status 2 on a bad argument. */
  public static void main(String[] args) throws IOException {
    kafka.Kafka.main(new String[] {configure(flags(args)).toString()});
  }

  /**
   * Writes the node's configuration under {@code --dir} and formats its data directory if it is
   * new; returns the configuration's path.
   *
   * @throws IllegalStateException if formatting fails
   */
  static Path configure(Map<String, String> flags) throws IOException {
    Path dir = Path.of(require(flags, "dir"));
    String nodeId = require(flags, "node-id");
    String port = require(flags, "port");
    String controllerPort = require(flags, "controller-port");
    String clusterId = require(flags, "cluster-id");
    String voters = flags.get("voters");
    int replication = voters == null ? 1 : voters.split(",").length;
    Files.createDirectories(dir);
    Path data = dir.resolve("data");
    Path config = dir.resolve("server.properties");
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", nodeId);
    p.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    if (voters == null) {
      p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    } else {
      p.put("controller.quorum.voters", voters);
    }
    p.put("log.dirs", data.toString());
    p.put("num.partitions", "1");
    p.put("default.replication.factor", Integer.toString(replication));
    p.put("min.insync.replicas", Integer.toString(Math.min(2, replication)));
    p.put("offsets.topic.replication.factor", Integer.toString(replication));
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", Integer.toString(replication));
    p.put("transaction.state.log.min.isr", Integer.toString(Math.min(2, replication)));
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("log.cleaner.backoff.ms", "1000");
    // a node restarted after a kill -9 registers again only once the controller has let its old
    // session expire: 9 s by default, during which it does not serve; 2 s here
    p.put("broker.session.timeout.ms", "2000");
    p.put("broker.heartbeat.interval.ms", "500");
    StringBuilder text = new StringBuilder();
    p.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.writeString(config, text.toString(), StandardCharsets.UTF_8);
    if (!Files.exists(data.resolve("meta.properties"))) {
      // "--cluster-id=ID" in one argument: an id may begin with '-' (base64url), which the tool's
      // parser would otherwise take for an option and refuse
      List<String> format =
          voters == null
              ? List.of(
                  "format", "--cluster-id=" + clusterId, "-c", config.toString(), "--standalone")
              : List.of("format", "--cluster-id=" + clusterId, "-c", config.toString());
      int status = kafka.tools.StorageTool.execute(format.toArray(String[]::new), quiet());
      if (status != 0) {
        throw new IllegalStateException(
            "broker: formatting " + data + " failed with status " + status);
      }
    }
    return config;
  }

  private static PrintStream quiet() {
    return new PrintStream(PrintStream.nullOutputStream(), false, StandardCharsets.UTF_8);
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        usage("unexpected argument '" + args[i] + "'");
      }
      flags.put(args[i].substring(2), args[i + 1]);
    }
    if (args.length % 2 != 0) {
      usage("flag " + args[args.length - 1] + " needs a value");
    }
    return flags;
  }

  private static String require(Map<String, String> flags, String name) {
    String v = flags.get(name);
    if (v == null || v.isBlank()) {
      usage("--" + name + " is required");
    }
    return v;
  }

  private static void usage(String problem) {
    System.err.println("broker: " + problem);
    System.exit(2);
    throw new UncheckedIOException(new IOException(problem));
  }
}
