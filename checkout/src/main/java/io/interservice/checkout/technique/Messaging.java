package io.interservice.checkout.technique;

import com.fasterxml.jackson.databind.JsonNode;
import io.interservice.access.Read;
import io.interservice.owner.kafka.KafkaClients;
import io.interservice.owner.kafka.KafkaSink;
import io.interservice.owner.kafka.PacedCommits;
import io.interservice.owner.kafka.Topics;
import io.interservice.owner.outbox.Outbox;
import io.interservice.owner.outbox.OutboxRelay;
import io.interservice.service.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code messaging}: an order is accepted as {@code PENDING} ({@code 202}); its price request
 * leaves through checkout's own outbox, in the order's transaction, to {@code
 * catalog.price-requests} (correlation id = order id); catalog answers on {@code
 * checkout.price-replies}; the answer confirms or rejects the order, once; an order still pending
 * at its deadline ({@code --messaging-deadline}, 5 s) is rejected.
 */
final class Messaging implements Technique {
  static final String REQUESTS = "catalog.price-requests";
  static final String REPLIES = "checkout.price-replies";
  static final String REQUESTED = "io.interservice.checkout.price-requested";
  static final String QUOTED = "io.interservice.catalog.price-quoted";

  @Override
  public String name() {
    return "messaging";
  }

  @Override
  public Set<String> flags() {
    return Set.of("kafka", "messaging-deadline");
  }

  @Override
  public Pricing start(Context context) {
    Settings settings = context.settings();
    String kafka = settings.string("kafka", "");
    if (kafka.isBlank()) {
      throw new IllegalArgumentException(
          "technique messaging needs --kafka host:port[,host:port...]");
    }
    return new Pricing.Deferred(
        settings.duration("messaging-deadline", Duration.ofSeconds(5)),
        new Requests(kafka, context.db()));
  }

  /** Price requests through the outbox, answers from the reply topic. */
  private static final class Requests implements Pricing.DeferredPrices {
    private static final Logger LOG = Logger.getLogger(Requests.class.getName());

    /** How often the answers' offsets are committed: a restart settles at most this much again. */
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

    private final String kafka;
    private final DataSource db;
    private final java.util.concurrent.ExecutorService settlers =
        java.util.concurrent.Executors.newFixedThreadPool(8);

    Requests(String kafka, DataSource db) {
      this.kafka = kafka;
      this.db = db;
    }

    @Override
    public void request(Connection c, UUID orderId, Set<String> skus) throws SQLException {
      String payload;
      try {
        payload =
            PriceBodies.MAPPER.writeValueAsString(
                Map.of("orderId", orderId.toString(), "skus", skus, "replyTo", REPLIES));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      Outbox.appendAndCommit(
          c, List.of(new Outbox.Entry("price-requests", orderId.toString(), 1, payload)));
    }

    @Override
    public void start(Pricing.Answers answers) {
      Topics.ensure(kafka, REQUESTS, 3, false, Duration.ofSeconds(30));
      Topics.ensure(kafka, REPLIES, 3, false, Duration.ofSeconds(30));
      new OutboxRelay(
              db,
              List.of(
                  new KafkaSink(
                      kafka,
                      Map.of("price-requests", new KafkaSink.Route(REQUESTS, REQUESTED)),
                      "/checkout")),
              Duration.ofSeconds(5))
          .start();
      Thread.ofPlatform().daemon().name("price-replies").start(() -> consume(answers));
    }

    private void consume(Pricing.Answers answers) {
      Properties p = KafkaClients.consumer(kafka, "checkout", ByteArrayDeserializer.class);
      while (!Thread.currentThread().isInterrupted()) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
          // every partition assigned by hand: no rebalance to wait for after a restart
          consumer.assign(
              consumer.partitionsFor(REPLIES, Duration.ofSeconds(10)).stream()
                  .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition()))
                  .toList());
          PacedCommits commits = new PacedCommits(consumer, COMMIT_INTERVAL);
          while (true) {
            var records = consumer.poll(Duration.ofMillis(100));
            if (records.count() == 1) {
              answer(answers, records.iterator().next().value()); // no hand-off for one
            } else {
              // each answer settles its own order: in parallel, all before the offsets move on
              List<java.util.concurrent.Future<?>> settling = new ArrayList<>();
              for (ConsumerRecord<String, byte[]> r : records) {
                settling.add(
                    settlers.submit(() -> {
                      answer(answers, r.value());
                      return null;
                    }));
              }
              for (var f : settling) {
                f.get();
              }
            }
            commits.handled(records.count()); // at least once: a repeated answer changes nothing
          }
        } catch (Exception e) {
          LOG.log(Level.WARNING, "price replies: " + e + "; starting again in 1 s");
          try {
            Thread.sleep(1000);
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }

    private static void answer(Pricing.Answers answers, byte[] value) throws Exception {
      JsonNode event;
      UUID orderId;
      Read.Found<String, Price> prices;
      try {
        event = PriceBodies.MAPPER.readTree(value);
        if (!QUOTED.equals(event.path("type").asText())) {
          return;
        }
        JsonNode data = event.path("data");
        orderId = UUID.fromString(data.path("orderId").asText());
        prices = PriceBodies.fromTree(data);
      } catch (java.io.IOException | IllegalArgumentException e) {
        LOG.warning("price replies: skipped an answer that cannot be read: " + e.getMessage());
        return;
      }
      answers.answer(orderId, prices);
    }
  }
}
