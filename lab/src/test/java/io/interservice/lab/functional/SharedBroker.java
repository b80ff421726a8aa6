package io.interservice.lab.functional;

import io.interservice.lab.topology.KafkaCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** One embedded Kafka broker for the whole test run, started on first use, stopped at exit. */
final class SharedBroker {
  private static KafkaCluster kafka;

  private SharedBroker() {}

  /** A producer of strings to the shared broker, for tests that write into a topic. */
  static KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, get().bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(p);
  }

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
