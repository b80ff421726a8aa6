package io.interservice.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.interservice.owner.kafka.Topics;
import io.interservice.service.Skus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code requests}: catalog answers price requests that arrive on {@code catalog.price-requests}
 * (every partition, offsets kept under group {@code catalog}) with the current prices, on the topic
 * each request names ({@code checkout.price-replies}), keyed and correlated by the request's order
 * id, as a CloudEvent of type {@code io.interservice.catalog.price-quoted}. Offsets are committed
 * once the answers are acknowledged: at least once; a requester ignores a repeated answer.
 */
final class RequestsFeature implements OwnerFeature {
  private static final Logger LOG = Logger.getLogger(RequestsFeature.class.getName());
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final String REQUESTS = "catalog.price-requests";
  private static final String REQUESTED = "io.interservice.checkout.price-requested";
  private static final String QUOTED = "io.interservice.catalog.price-quoted";

  @Override
  public String name() {
    return "requests";
  }

  @Override
  public Set<String> flags() {
    return Set.of("kafka");
  }

  @Override
  public Started start(Context context) {
    String kafka = context.settings().string("kafka", "");
    if (kafka.isBlank()) {
      throw new IllegalArgumentException("feature requests needs --kafka host:port[,host:port...]");
    }
    Topics.ensure(kafka, REQUESTS, 3, false, Duration.ofSeconds(30));
    AtomicBoolean running = new AtomicBoolean(true);
    Thread thread =
        Thread.ofPlatform()
            .daemon()
            .name("price-requests")
            .start(() -> serve(kafka, context.store(), running));
    return new Started(
        List.of(),
        () -> {
          running.set(false);
          thread.interrupt();
        });
  }

  private static void serve(String kafka, ProductStore store, AtomicBoolean running) {
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    while (running.get()) {
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
          KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
        // every partition assigned by hand: no group membership, so no rebalance to wait for
        // after a restart; the group id only keeps the committed offsets
        consumer.assign(
            consumer.partitionsFor(REQUESTS, Duration.ofSeconds(10)).stream()
                .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition()))
                .toList());
        while (running.get()) {
          var records = consumer.poll(Duration.ofMillis(100));
          List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
          for (ConsumerRecord<String, String> r : records) {
            ProducerRecord<String, byte[]> reply = answer(store, r.value());
            if (reply != null) {
              sent.add(producer.send(reply));
            }
          }
          producer.flush();
          for (var f : sent) {
            f.get();
          }
          if (!records.isEmpty()) {
            consumer.commitSync();
          }
        }
      } catch (Exception e) {
        if (!running.get()) {
          return;
        }
        LOG.log(Level.WARNING, "price requests: " + e + "; starting again in 1 s");
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** The reply to one request, or null for a record that is not a well-formed request. */
  private static ProducerRecord<String, byte[]> answer(ProductStore store, String value)
      throws Exception {
    JsonNode event;
    try {
      event = JSON.readTree(value);
    } catch (java.io.IOException e) {
      LOG.warning("price requests: skipped a record that is not JSON");
      return null;
    }
    JsonNode data = event.path("data");
    String orderId = data.path("orderId").asText("");
    String replyTo = data.path("replyTo").asText("");
    Set<String> skus = new LinkedHashSet<>();
    data.path("skus").forEach(s -> skus.add(s.asText()));
    if (!REQUESTED.equals(event.path("type").asText())
        || orderId.isEmpty()
        || !replyTo.equals("checkout.price-replies")
        || skus.isEmpty()
        || skus.size() > CatalogApi.MAX_SKUS
        || !skus.stream().allMatch(Skus::valid)) {
      LOG.warning("price requests: skipped a malformed request");
      return null;
    }
    List<PriceQuote> quotes = store.prices(skus);
    Set<String> unknown = new LinkedHashSet<>(skus);
    quotes.forEach(q -> unknown.remove(q.sku()));
    ObjectNode reply = JSON.createObjectNode();
    reply.put("specversion", "1.0");
    reply.put("id", orderId + "-quote");
    reply.put("type", QUOTED);
    reply.put("source", "/catalog");
    reply.put("subject", orderId);
    reply.put("time", Instant.now().toString());
    reply.put("datacontenttype", "application/json");
    ObjectNode body = reply.putObject("data");
    body.put("orderId", orderId);
    body.set("prices", JSON.valueToTree(quotes));
    body.set("unknown", JSON.valueToTree(unknown));
    return new ProducerRecord<>(
        replyTo, orderId, JSON.writeValueAsString(reply).getBytes(StandardCharsets.UTF_8));
  }
}
