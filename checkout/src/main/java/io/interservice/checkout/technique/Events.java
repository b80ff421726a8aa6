package io.interservice.checkout.technique;

import io.interservice.access.Access;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.ReaderStats;
import io.interservice.access.Source;
import io.interservice.access.Versioned;
import io.interservice.access.jdbc.JdbcReplicaStore;
import io.interservice.access.kafka.KafkaFeed;
import io.interservice.access.replica.Replica;
import io.interservice.service.Settings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code events}: checkout keeps a replica of catalog's prices in its own database (and in memory),
 * fed by catalog's compacted topic {@code catalog.prices} on the brokers at {@code --kafka}; the
 * feed resumes from the positions saved with the replica. A sku the replica does not hold is
 * unknown ({@code --events-missing reject}, the default: 422) or asked of catalog directly ({@code
 * direct}).
 */
final class Events implements Technique {
  static final Source SOURCE = Source.of("event-replica");

  @Override
  public String name() {
    return "events";
  }

  @Override
  public Set<String> flags() {
    return Resilient.flags("kafka", "events-missing", "catalog-url");
  }

  @Override
  public Pricing start(Context context) {
    Settings settings = context.settings();
    String missing = settings.string("events-missing", "reject");
    if (!missing.equals("reject") && !missing.equals("direct")) {
      throw new IllegalArgumentException(
          "--events-missing must be reject or direct, was '" + missing + "'");
    }
    Replica<String, Price> replica = replica(context, SOURCE);
    return new Pricing.BeforeTransaction(
        missing.equals("direct") ? new OrOwner(replica, Direct.reader(context)) : replica);
  }

  /**
   * The replica of {@code catalog.prices} in checkout's database, fed from the brokers at {@code
   * --kafka}, started, with its gauges; {@code bounded} reads it within its bound.
   */
  static Replica<String, Price> replica(Context context, Source source) {
    String kafka = context.settings().string("kafka", "");
    if (kafka.isBlank()) {
      throw new IllegalArgumentException(
          "technique "
              + context.settings().string("technique", "")
              + " needs --kafka host:port[,host:port...]");
    }
    KafkaFeed<String, Price> feed =
        new KafkaFeed<>(
            new KafkaFeed.Config(kafka, "catalog.prices", Duration.ofMillis(100)),
            PriceCodecs.EVENTS,
            new JdbcReplicaStore<>(
                context.db(), "price_replica", PriceCodecs::text, PriceCodecs::fromText));
    Replica<String, Price> replica =
        Access.replica("catalog", feed).source(source).digest(PriceCodecs::digest).build();
    MeterRegistry meters = context.api().metrics().registry();
    Gauge.builder("replica.lag.records", feed, KafkaFeed::lag)
        .description("records on catalog.prices not yet applied, at the last poll")
        .register(meters);
    Gauge.builder("replica.keys", replica, r -> r.replicaStats().keys()).register(meters);
    Gauge.builder("replica.skipped", feed, KafkaFeed::skipped).register(meters);
    Gauge.builder(
            "replica.watermark.age",
            replica,
            r -> {
              java.time.Instant w = r.watermark();
              return w == null
                  ? Double.NaN
                  : Duration.between(w, java.time.Instant.now()).toNanos() / 1e9;
            })
        .description("seconds since the instant up to which the replica is complete (owner time)")
        .register(meters);
    return replica;
  }

  /** The replica, and the owner for the keys it does not hold. */
  private record OrOwner(Reader<String, Price> replica, Reader<String, Price> owner)
      implements Reader<String, Price> {
    @Override
    public Read<String, Price> read(Set<String> keys) {
      Read<String, Price> local = replica.read(keys);
      if (!(local instanceof Read.Found<String, Price> found) || found.unknown().isEmpty()) {
        return local;
      }
      return switch (owner.read(found.unknown())) {
        case Read.Unavailable<String, Price> down -> down;
        case Read.Found<String, Price> asked -> {
          Map<String, Versioned<Price>> all = new HashMap<>(found.values());
          all.putAll(asked.values());
          yield new Read.Found<>(all, new HashSet<>(asked.unknown()));
        }
      };
    }

    @Override
    public ReaderStats stats() {
      return replica.stats();
    }

    @Override
    public boolean ready() {
      return replica.ready();
    }

    @Override
    public void close() {
      replica.close();
      owner.close();
    }
  }
}
