package io.interservice.catalog;

import io.interservice.owner.kafka.KafkaSink;
import io.interservice.owner.kafka.Topics;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code events}: every committed price change is published through the outbox to the compacted
 * topic {@value #TOPIC} on the brokers at {@code --kafka}, keyed by sku, as a CloudEvent of type
 * {@value #TYPE}, and a watermark on every partition at least every {@code --watermark-interval}
 * (default 100 ms; {@code off} for none): every change committed before it is ahead of it. Gauges
 * {@code outbox.relay.lag} (seconds from writing a change to the brokers' acknowledgement: the
 * last, and the largest) and {@code outbox.relay.published}.
 */
final class EventsFeature implements OwnerFeature {
  /** The topic of price changes. */
  static final String TOPIC = "catalog.prices";

  /** The CloudEvents type of a price change. */
  static final String TYPE = "io.interservice.catalog.price-changed";

  @Override
  public String name() {
    return "events";
  }

  @Override
  public Set<String> flags() {
    return Set.of("kafka", "events-partitions", "watermark-interval");
  }

  @Override
  public boolean usesOutbox() {
    return true;
  }

  @Override
  public Started start(Context context) {
    String kafka = context.settings().string("kafka", "");
    if (kafka.isBlank()) {
      throw new IllegalArgumentException("feature events needs --kafka host:port[,host:port...]");
    }
    Topics.ensure(
        kafka,
        TOPIC,
        context.settings().integer("events-partitions", 3),
        true,
        Duration.ofSeconds(30));
    KafkaSink sink =
        new KafkaSink(
            kafka, Map.of(ProductStore.PRICES_TOPIC, new KafkaSink.Route(TOPIC, TYPE)), "/catalog");
    Gauge.builder("outbox.relay.lag", sink, s -> s.lastRelayLag().toNanos() / 1e9)
        .tag("which", "last")
        .register(context.metrics().registry());
    Gauge.builder("outbox.relay.lag", sink, s -> s.maxRelayLag().toNanos() / 1e9)
        .tag("which", "max")
        .register(context.metrics().registry());
    Gauge.builder("outbox.relay.published", sink, KafkaSink::published)
        .register(context.metrics().registry());
    Gauge.builder("outbox.relay.watermarks", sink, KafkaSink::watermarks)
        .register(context.metrics().registry());
    return new Started(List.of(sink), sink, watermarkInterval(context));
  }

  private static Duration watermarkInterval(Context context) {
    if (context.settings().string("watermark-interval", "").equals("off")) {
      return null;
    }
    Duration interval = context.settings().duration("watermark-interval", Duration.ofMillis(100));
    if (interval.compareTo(Duration.ofMillis(10)) < 0
        || interval.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "--watermark-interval must be between 10ms and 1m (or off), was " + interval);
    }
    return interval;
  }
}
