package io.interservice.lab.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The scenario's Kafka: a real single node (KRaft, broker and controller in one JVM) or three on
 * loopback, started from Maven artifacts, or an existing cluster given by its bootstrap servers.
 * {@link #close()} stops the nodes it started.
 */
public final class KafkaCluster implements AutoCloseable {
  private final String bootstrapServers;
  private final List<BrokerNode> nodes;

  private KafkaCluster(String bootstrapServers, List<BrokerNode> nodes) {
    this.bootstrapServers = bootstrapServers;
    this.nodes = List.copyOf(nodes);
  }

  /**
   * Starts {@code size} nodes (1 or 3) under {@code dir} and waits until the cluster answers an
   * admin client; three nodes replicate every topic three times with {@code min.insync.replicas} 2.
   */
  public static KafkaCluster start(Path home, Path dir, int size) {
    if (size != 1 && size != 3) {
      throw new IllegalArgumentException("a cluster of 1 or 3 brokers, not " + size);
    }
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    int[] ports = new int[size];
    int[] controllers = new int[size];
    for (int i = 0; i < size; i++) {
      ports[i] = Ports.free();
      controllers[i] = Ports.free();
    }
    String voters = null;
    if (size > 1) {
      List<String> v = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        v.add((i + 1) + "@127.0.0.1:" + controllers[i]);
      }
      voters = String.join(",", v);
    }
    List<BrokerNode> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        nodes.add(
            BrokerNode.start(
                home,
                dir.resolve(size == 1 ? "kafka" : "kafka-" + (i + 1)),
                i + 1,
                ports[i],
                controllers[i],
                clusterId,
                voters));
      }
      nodes.forEach(BrokerNode::awaitListening);
      KafkaCluster cluster =
          new KafkaCluster(
              nodes.stream().map(BrokerNode::address).collect(Collectors.joining(",")), nodes);
      cluster.awaitNodes(size, Duration.ofSeconds(60));
      return cluster;
    } catch (RuntimeException e) {
      nodes.forEach(BrokerNode::close);
      throw e;
    }
  }

  /** An existing cluster (the lab's {@code --kafka}): nothing is started or stopped. */
  public static KafkaCluster existing(String bootstrapServers) {
    return new KafkaCluster(bootstrapServers, List.of());
  }

  /** Where clients reach it, {@code host:port,...}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The nodes the lab runs (none for an existing cluster), for faults. */
  public List<Component> nodes() {
    return List.copyOf(nodes);
  }

  /**
   * The node that leads partition {@code partition} of {@code topic} now.
   *
   * @throws IllegalStateException when the cluster cannot say, or the lab does not run that node
   */
  public Component leaderOf(String topic, int partition) {
    try (Admin admin = admin()) {
      var description =
          admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
      int leader = description.partitions().get(partition).leader().id();
      if (leader < 1 || leader > nodes.size()) {
        throw new IllegalStateException("the leader of " + topic + " is not a node the lab runs");
      }
      return nodes.get(leader - 1);
    } catch (Exception e) {
      throw new IllegalStateException("cannot find the leader of " + topic + "-" + partition, e);
    }
  }

  /**
   * Deletes every topic but Kafka's own, so that a technique's fresh start finds none of the last
   * one's events.
   */
  public void deleteTopics() {
    try (Admin admin = admin()) {
      Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      if (!topics.isEmpty()) {
        admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot delete the topics at " + bootstrapServers, e);
    }
  }

  private void awaitNodes(int size, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try (Admin admin = admin()) {
        if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= size) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      Processes.pause(Duration.ofMillis(200));
    }
    throw new IllegalStateException(
        "Kafka at " + bootstrapServers + " did not show " + size + " nodes within " + timeout,
        last);
  }

  private Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    return Admin.create(p);
  }

  @Override
  public void close() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).close();
    }
  }
}
