package io.interservice.service;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A service as a member of an embedded Hazelcast cluster, for the replicated cache: {@code
 * --cluster-members host:port,...} (required: every member it may find; one reachable is enough),
 * {@code --cluster-port} (5701), {@code --cluster-name} (interservice). It binds to {@code --host}
 * only and joins by TCP/IP to the members listed: no multicast, no cloud discovery, no phone-home.
 * Hazelcast has no member authentication in its open-source edition: run members on a network only
 * they reach (the owner repairs what others write, see {@code
 * docs/techniques/replicated-cache.md}).
 */
public final class Cluster {
  /** The flags a member reads. */
  public static final Set<String> FLAGS = Set.of("cluster-members", "cluster-port", "cluster-name");

  private Cluster() {}

  /**
   * The configuration of a member named {@code instance} in cluster {@code name}, bound to {@code
   * host}:{@code port} only, joining {@code members} by TCP/IP: no multicast, no auto-detection, no
   * phone-home, no Jet, no metrics collection, JDK logging; waits 1 s before joining and 2 s to
   * connect to a member.
   */
  public static Config config(
      String name, String instance, String host, int port, List<String> members) {
    Config config = new Config();
    config.setClusterName(name);
    config.setInstanceName(instance);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    // the cluster holds a replicated map only: a leaving member has no partition data worth
    // waiting for (the default wait is 600 s, and a stuck migration held a test that long)
    config.setProperty("hazelcast.graceful.shutdown.max.wait", "10");
    config.getJetConfig().setEnabled(false);
    // metrics are gathered for Management Center and JMX, neither of which a service reads: every
    // few seconds they read the operating system's figures and compress a blob, and at 100 orders/s
    // the compiler was still compiling that code a minute after the start (docs/benchmarks.md)
    config.getMetricsConfig().setEnabled(false);
    config.setProperty("hazelcast.health.monitoring.level", "OFF");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface(host);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(members);
    return config;
  }

  /**
   * Starts this service's member and returns once it has joined a cluster, or formed one alone when
   * no member listed answered.
   *
   * @throws IllegalArgumentException when {@code --cluster-members} is missing or malformed
   */
  public static HazelcastInstance join(Settings settings, String service) {
    String host = settings.string("host", "127.0.0.1");
    int port = settings.integer("cluster-port", 5701);
    List<String> members = new ArrayList<>();
    for (String m : settings.string("cluster-members", "").split(",")) {
      String member = m.trim();
      if (member.isEmpty()) {
        continue;
      }
      if (!member.matches("[A-Za-z0-9.\\-]+:[0-9]{1,5}")) {
        throw new IllegalArgumentException(
            "--cluster-members must be host:port,...; '" + member + "' is not");
      }
      members.add(member);
    }
    if (members.isEmpty()) {
      throw new IllegalArgumentException(
          "a replicated cache needs --cluster-members host:port,... (the members to join)");
    }
    Config config =
        config(
            settings.string("cluster-name", "interservice"),
            service + "-" + port,
            host,
            port,
            members);
    return Hazelcast.newHazelcastInstance(config);
  }
}
