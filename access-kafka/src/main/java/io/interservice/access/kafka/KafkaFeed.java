package io.interservice.access.kafka;

import io.interservice.access.spi.Change;
import io.interservice.access.spi.ChangeFeed;
import io.interservice.access.spi.ReplicaSink;
import io.interservice.access.spi.ReplicaStore;
import io.interservice.protocol.Watermark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * A change feed that consumes the owner's topic (every partition, assigned by hand: no consumer
 * group) into a durable replica. At start it loads what its {@link ReplicaStore} holds and resumes
 * from the stored positions, or reads the topic from its beginning (a compacted topic holds every
 * key's latest change); it reports the replica bootstrapped once it has reached the topic's end as
 * it was at start. Each batch of records is saved with the positions after it in one transaction,
 * then applied: a crash between the two replays the batch, which the version check makes harmless.
 *
 * <p>Watermark records ({@link Watermark}) are read on every partition; once each partition has
 * given one, the replica's watermark is the oldest of the latest per partition, applied behind the
 * changes read before it. Watermarks are not stored: a restarted feed has none until new ones come.
 * Thread-safe; runs on its own thread.
 */
public final class KafkaFeed<K, V> implements ChangeFeed<K, V> {
  private static final Logger LOG = Logger.getLogger(KafkaFeed.class.getName());

  /**
   * Where and what to consume.
   *
   * @param bootstrapServers the brokers, {@code host:port,...}
   * @param topic the owner's topic
   * @param poll the longest one poll waits
   */
  public record Config(String bootstrapServers, String topic, Duration poll) {
    /** Validates the fields. */
    public Config {
      if (Objects.requireNonNull(bootstrapServers, "bootstrapServers").isBlank()
          || Objects.requireNonNull(topic, "topic").isBlank()) {
        throw new IllegalArgumentException("bootstrapServers and topic must be given");
      }
      Objects.requireNonNull(poll, "poll");
    }
  }

  private final Config config;
  private final RecordCodec<K, V> codec;
  private final ReplicaStore<K, V> store;
  private final Thread thread;
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong lag = new AtomicLong(-1);
  private volatile @Nullable ReplicaSink<K, V> sink;
  private volatile @Nullable KafkaConsumer<byte[], byte[]> consumer;
  private volatile boolean running = true;

  /** A feed of {@code config.topic()} decoded by {@code codec}, kept in {@code store}. */
  public KafkaFeed(Config config, RecordCodec<K, V> codec, ReplicaStore<K, V> store) {
    this.config = config;
    this.codec = codec;
    this.store = store;
    this.thread = Thread.ofPlatform().daemon().name("kafka-feed").unstarted(this::run);
  }

  @Override
  public void start(ReplicaSink<K, V> target) {
    sink = target;
    thread.start();
  }

  /** Records the codec could not read, so far. */
  public long skipped() {
    return skipped.get();
  }

  /** Records on the topic not yet applied, at the last poll; -1 before the first. */
  public long lag() {
    return lag.get();
  }

  private void run() {
    ReplicaSink<K, V> target = Objects.requireNonNull(sink);
    while (running) {
      try {
        consume(target);
      } catch (WakeupException e) {
        return;
      } catch (Exception e) {
        if (!running) {
          return;
        }
        LOG.log(Level.WARNING, "kafka feed: " + e + "; starting again in 1 s");
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private void consume(ReplicaSink<K, V> target) throws Exception {
    ReplicaStore.Loaded<K, V> loaded = store.load();
    loaded.entries().forEach(target::apply);
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(properties())) {
      consumer = c;
      List<TopicPartition> partitions = partitions(c);
      c.assign(partitions);
      for (TopicPartition tp : partitions) {
        Long at = loaded.positions().get(source(tp));
        if (at == null) {
          c.seekToBeginning(List.of(tp));
        } else {
          c.seek(tp, at);
        }
      }
      Map<TopicPartition, Long> goal = c.endOffsets(partitions);
      LOG.info(
          loaded.positions().isEmpty()
              ? "kafka feed: reading from the beginning of " + config.topic()
              : "kafka feed: resumed from stored positions "
                  + loaded.positions()
                  + " with "
                  + loaded.entries().size()
                  + " entries; the topic ends at "
                  + goal.values());
      boolean ready = false;
      Map<Integer, Instant> marks = new HashMap<>();
      while (running) {
        ConsumerRecords<byte[], byte[]> records = c.poll(config.poll());
        if (!records.isEmpty()) {
          List<Change<K, V>> changes = new ArrayList<>(records.count());
          List<Change<K, V>> applied = new ArrayList<>(records.count());
          for (ConsumerRecord<byte[], byte[]> r : records) {
            Header mark = r.headers().lastHeader(Watermark.HEADER);
            if (mark != null) {
              Instant complete = watermark(r, mark, marks, partitions.size());
              if (complete != null) {
                applied.add(new Change.Watermark<>(complete));
              }
              continue;
            }
            try {
              Change<K, V> change = codec.decode(r.key(), r.value());
              if (change != null) {
                changes.add(change);
                applied.add(change);
              }
            } catch (IOException | RuntimeException e) {
              skipped.incrementAndGet();
              LOG.warning(
                  "kafka feed: skipped "
                      + source(new TopicPartition(r.topic(), r.partition()))
                      + "@"
                      + r.offset()
                      + ": "
                      + e.getMessage());
            }
          }
          Map<String, Long> after = new HashMap<>();
          for (TopicPartition tp : records.partitions()) {
            after.put(source(tp), c.position(tp));
          }
          store.save(changes, after);
          applied.forEach(target::apply);
        }
        long behind = 0;
        boolean reached = true;
        for (TopicPartition tp : partitions) {
          long position = c.position(tp);
          Long end = goal.get(tp);
          if (end != null && position < end) {
            reached = false;
          }
          behind += c.currentLag(tp).orElse(0);
        }
        lag.set(behind);
        if (!ready && reached) {
          ready = true;
          target.bootstrapped();
        }
      }
    } finally {
      consumer = null;
    }
  }

  /**
   * Notes partition {@code r}'s watermark; the replica's, if every one of {@code partitions} has
   * given one, else null.
   */
  private @Nullable Instant watermark(
      ConsumerRecord<byte[], byte[]> r, Header mark, Map<Integer, Instant> marks, int partitions) {
    Instant at;
    try {
      at = Instant.parse(new String(mark.value(), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      skipped.incrementAndGet();
      LOG.warning("kafka feed: a watermark that is not an instant at " + r.offset());
      return null;
    }
    marks.merge(r.partition(), at, (a, b) -> b.isAfter(a) ? b : a);
    if (marks.size() < partitions) {
      return null;
    }
    Instant oldest = null;
    for (Instant i : marks.values()) {
      oldest = oldest == null || i.isBefore(oldest) ? i : oldest;
    }
    return oldest;
  }

  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c)
      throws InterruptedException {
    while (running) {
      List<PartitionInfo> infos = c.partitionsFor(config.topic(), Duration.ofSeconds(5));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      LOG.info("kafka feed: topic " + config.topic() + " not there yet");
      Thread.sleep(500);
    }
    throw new InterruptedException("closed");
  }

  private static String source(TopicPartition tp) {
    return tp.topic() + "-" + tp.partition();
  }

  private Properties properties() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // a fetch returns as soon as one record arrives; this wait only bounds how often an idle
    // consumer asks again (20 ms cost checkout and the broker about 0.1 ms of CPU per order at
    // 100 orders/s, for nothing)
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "replica-" + config.topic());
    return p;
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    thread.interrupt();
  }
}
