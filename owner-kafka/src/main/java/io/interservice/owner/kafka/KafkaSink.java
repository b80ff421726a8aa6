package io.interservice.owner.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interservice.owner.outbox.OutboxEvent;
import io.interservice.owner.outbox.OutboxSink;
import io.interservice.protocol.Watermark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The outbox sink of events: each relayed change of a routed outbox topic is published to its Kafka
 * topic, keyed by the change's key (so a key's changes stay in one partition, in order), as a
 * CloudEvent in structured JSON mode ({@code specversion}, {@code id} = key and version, so that a
 * replay carries the same id, {@code type}, {@code source}, {@code subject} = key, {@code time},
 * {@code data} = the outbox payload). The producer is idempotent with {@code acks=all}; a batch is
 * delivered only when the brokers acknowledged every record, else the relay retries it: at least
 * once, per-key order kept.
 *
 * <p>A watermark goes to every partition of every routed topic, behind the changes acknowledged
 * before it, as {@link Watermark} says: a consumer that knows no watermarks skips it by its
 * CloudEvents type; compaction keeps the latest per partition. Thread-safe.
 */
public final class KafkaSink implements OutboxSink, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

  /**
   * Where an outbox topic's changes go.
   *
   * @param kafkaTopic the Kafka topic
   * @param eventType the CloudEvents {@code type}
   */
  public record Route(String kafkaTopic, String eventType) {
    /** Validates the fields. */
    public Route {
      Objects.requireNonNull(kafkaTopic, "kafkaTopic");
      Objects.requireNonNull(eventType, "eventType");
    }
  }

  private final KafkaProducer<String, byte[]> producer;
  private final Map<String, Route> routes;
  private final String source;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong watermarks = new AtomicLong();
  private final AtomicLong lagMicrosMax = new AtomicLong();
  private volatile long lastLagMicros;

  /**
   * A sink publishing to the brokers at {@code bootstrapServers} the outbox topics {@code routes}
   * names; {@code source} is the CloudEvents {@code source} (the owner, e.g. {@code /catalog}).
   */
  public KafkaSink(String bootstrapServers, Map<String, Route> routes, String source) {
    Properties p = KafkaClients.producer(bootstrapServers, "outbox" + source.replace('/', '-'));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(ACK_TIMEOUT.toMillis()));
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
    this.producer = new KafkaProducer<>(p);
    this.routes = Map.copyOf(routes);
    this.source = source;
  }

  @Override
  public void deliver(Connection tx, List<OutboxEvent> events) throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
    List<OutboxEvent> routed = new ArrayList<>(events.size());
    for (OutboxEvent e : events) {
      Route route = routes.get(e.topic());
      if (route != null) {
        sent.add(
            producer.send(new ProducerRecord<>(route.kafkaTopic(), e.key(), envelope(route, e))));
        routed.add(e);
      }
    }
    acknowledged(sent, "a change");
    Instant now = Instant.now();
    for (OutboxEvent e : routed) {
      long lag = Duration.between(e.writtenAt(), now).toNanos() / 1000;
      lastLagMicros = lag;
      lagMicrosMax.accumulateAndGet(lag, Math::max);
    }
    published.addAndGet(routed.size());
  }

  @Override
  public void watermark(Instant completeUpTo) throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    byte[] instant = completeUpTo.toString().getBytes(StandardCharsets.UTF_8);
    for (Route route : routes.values()) {
      ObjectNode event = JSON.createObjectNode();
      event.put("specversion", "1.0");
      event.put("id", "watermark-" + completeUpTo);
      event.put("type", Watermark.TYPE);
      event.put("source", source);
      event.put("time", completeUpTo.toString());
      event.putObject("data").put("completeUpTo", completeUpTo.toString());
      byte[] body = JSON.writeValueAsBytes(event);
      for (var partition : producer.partitionsFor(route.kafkaTopic())) {
        ProducerRecord<String, byte[]> r =
            new ProducerRecord<>(route.kafkaTopic(), partition.partition(), Watermark.KEY, body);
        r.headers().add(Watermark.HEADER, instant);
        sent.add(producer.send(r));
      }
    }
    acknowledged(sent, "a watermark");
    watermarks.incrementAndGet();
  }

  private void acknowledged(List<Future<RecordMetadata>> sent, String what) throws IOException {
    producer.flush();
    long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
    for (Future<RecordMetadata> f : sent) {
      try {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException("the brokers did not acknowledge " + what + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted waiting for the brokers", e);
      }
    }
  }

  /** Watermarks published and acknowledged so far. */
  public long watermarks() {
    return watermarks.get();
  }

  private byte[] envelope(Route route, OutboxEvent e) throws IOException {
    ObjectNode event = JSON.createObjectNode();
    event.put("specversion", "1.0");
    event.put("id", e.key() + "-" + e.version());
    event.put("type", route.eventType());
    event.put("source", source);
    event.put("subject", e.key());
    event.put("time", e.writtenAt().toString());
    event.put("datacontenttype", "application/json");
    event.set("data", JSON.readTree(e.payload()));
    return JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
  }

  /** Changes published and acknowledged so far. */
  public long published() {
    return published.get();
  }

  /** From writing the last change published to its acknowledgement by the brokers. */
  public Duration lastRelayLag() {
    return Duration.ofNanos(lastLagMicros * 1000);
  }

  /** The longest time from writing a change to its acknowledgement by the brokers, so far. */
  public Duration maxRelayLag() {
    return Duration.ofNanos(lagMicrosMax.get() * 1000);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(2));
  }
}
