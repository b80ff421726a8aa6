package io.interservice.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.interservice.owner.kafka.KafkaClients;
import io.interservice.owner.kafka.PacedCommits;
import io.interservice.owner.kafka.Topics;
import io.interservice.service.Skus;
import io.micrometer.core.instrument.Counter;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code requests}: catalog answers price requests that arrive on {@code catalog.price-requests}
 * (every partition, offsets kept under group {@code catalog}) with the current prices, on the topic
 * each request names ({@code checkout.price-replies}), keyed and correlated by the request's order
 * id, as a CloudEvent of type {@code io.interservice.catalog.price-quoted}. Offsets are committed
 * after the answers are acknowledged, at most once a second: at least once (a restart answers up to
 * a second's requests again); a requester ignores a repeated answer.
 */
final class RequestsFeature implements OwnerFeature {
  private static final Logger LOG = Logger.getLogger(RequestsFeature.class.getName());
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final String REQUESTS = "catalog.price-requests";

  /** How often offsets are committed: a restart answers at most this much again. */
  private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

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
    Counter answered =
        Counter.builder("price.requests.answered")
            .description("price requests answered over the broker")
            .register(context.metrics().registry());
    Thread thread =
        Thread.ofPlatform()
            .daemon()
            .name("price-requests")
            .start(() -> serve(kafka, context.store(), running, answered));
    return new Started(
        List.of(),
        () -> {
          running.set(false);
          thread.interrupt();
        });
  }

  private static void serve(
      String kafka, ProductStore store, AtomicBoolean running, Counter answered) {
    Properties c = KafkaClients.consumer(kafka, "catalog", StringDeserializer.class);
    Properties p = KafkaClients.producer(kafka, "price-answers");
    while (running.get()) {
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
          KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
        // every partition assigned by hand: no group membership, so no rebalance to wait for
        // after a restart; the group id only keeps the committed offsets
        consumer.assign(
            consumer.partitionsFor(REQUESTS, Duration.ofSeconds(10)).stream()
                .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition()))
                .toList());
        PacedCommits commits = new PacedCommits(consumer, COMMIT_INTERVAL);
        while (running.get()) {
          var records = consumer.poll(Duration.ofMillis(100));
          List<Request> requests = new ArrayList<>();
          for (ConsumerRecord<String, String> r : records) {
            Request request = request(r.value());
            if (request != null) {
              requests.add(request);
            }
          }
          List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
          for (ProducerRecord<String, byte[]> reply : answers(store, requests)) {
            sent.add(producer.send(reply));
          }
          producer.flush();
          for (var f : sent) {
            f.get();
          }
          answered.increment(sent.size());
          commits.handled(records.count()); // once answered: a requester ignores a repeat
        }
        commits.flush();
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

  /** A well-formed request: whose order, and which skus. */
  private record Request(String orderId, String replyTo, Set<String> skus) {}

  /** The request a record carries, or null for a record that is not a well-formed request. */
  private static Request request(String value) {
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
    return new Request(orderId, replyTo, skus);
  }

  /** The answers to a batch of requests, their prices read in one query. */
  private static List<ProducerRecord<String, byte[]>> answers(
      ProductStore store, List<Request> requests) throws Exception {
    Set<String> all = new LinkedHashSet<>();
    requests.forEach(r -> all.addAll(r.skus()));
    java.util.Map<String, PriceQuote> bySku = new java.util.HashMap<>();
    if (!all.isEmpty()) {
      store.prices(all).forEach(q -> bySku.put(q.sku(), q));
    }
    List<ProducerRecord<String, byte[]>> replies = new ArrayList<>(requests.size());
    for (Request request : requests) {
      List<PriceQuote> quotes = new ArrayList<>();
      Set<String> unknown = new LinkedHashSet<>();
      for (String sku : request.skus()) {
        PriceQuote q = bySku.get(sku);
        if (q == null) {
          unknown.add(sku);
        } else {
          quotes.add(q);
        }
      }
      ObjectNode reply = JSON.createObjectNode();
      reply.put("specversion", "1.0");
      reply.put("id", request.orderId() + "-quote");
      reply.put("type", QUOTED);
      reply.put("source", "/catalog");
      reply.put("subject", request.orderId());
      reply.put("time", Instant.now().toString());
      reply.put("datacontenttype", "application/json");
      ObjectNode body = reply.putObject("data");
      body.put("orderId", request.orderId());
      body.set("prices", JSON.valueToTree(quotes));
      body.set("unknown", JSON.valueToTree(unknown));
      replies.add(
          new ProducerRecord<>(
              request.replyTo(),
              request.orderId(),
              JSON.writeValueAsString(reply).getBytes(StandardCharsets.UTF_8)));
    }
    return replies;
  }
}
