package io.interservice.lab.functional;

import io.interservice.lab.topology.KafkaCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One embedded Kafka broker for the whole test run, started on first use, stopped at exit. */
final class SharedBroker {
  private static KafkaCluster kafka;

  private SharedBroker() {}

  static synchronized KafkaCluster get() {
    if (kafka == null) {
      try {
        Path dir = Files.createTempDirectory(Lab.runs(), "tests-kafka-");
        long start = System.nanoTime();
        kafka = KafkaCluster.start(Lab.home(), dir, 1);
        System.err.printf("test broker started in %.1f s%n", (System.nanoTime() - start) / 1e9);
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-test-kafka"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return kafka;
  }
}
