package io.interservice.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import io.interservice.owner.hazelcast.CacheWriter;
import io.interservice.owner.outbox.OutboxEvent;
import io.interservice.service.Cluster;
import io.interservice.service.Json;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code replicated-cache}: catalog is a member of an embedded Hazelcast cluster (see {@link
 * Cluster}) and the single writer of the replicated map {@value #MAP} (sku → {@code
 * version|price|currency|validFrom}): loaded from its database at start, then written through the
 * outbox with every committed change, and verified against the database every {@code
 * --cache-verify-interval} (5 s), which repairs and counts what another member wrote. Gauges {@code
 * cache.repaired}, {@code cache.verifications}, {@code cache.members}, {@code cache.entries}.
 */
final class ReplicatedCacheFeature implements OwnerFeature {
  /** The replicated map of prices. */
  static final String MAP = "catalog.prices";

  @Override
  public String name() {
    return "replicated-cache";
  }

  @Override
  public Set<String> flags() {
    Set<String> flags = new HashSet<>(Cluster.FLAGS);
    flags.add("cache-verify-interval");
    return flags;
  }

  @Override
  public boolean usesOutbox() {
    return true;
  }

  @Override
  public Started start(Context context) throws Exception {
    Duration verify = context.settings().duration("cache-verify-interval", Duration.ofSeconds(5));
    if (verify.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException(
          "--cache-verify-interval must be at least 100ms, was " + verify);
    }
    HazelcastInstance member = Cluster.join(context.settings(), "catalog");
    ReplicatedMap<String, String> map = member.getReplicatedMap(MAP);
    ProductStore store = context.store();
    CacheWriter writer =
        new CacheWriter(
            map,
            ProductStore.PRICES_TOPIC,
            ReplicatedCacheFeature::encode,
            new CacheWriter.Truth() {
              @Override
              public Map<String, CacheWriter.Entry> all() throws Exception {
                Map<String, CacheWriter.Entry> all = new HashMap<>();
                for (PriceQuote q : store.all()) {
                  all.put(q.sku(), entry(q));
                }
                return all;
              }

              @Override
              public boolean has(String key) throws Exception {
                return !store.prices(List.of(key)).isEmpty();
              }
            },
            verify);
    writer.load();
    MeterRegistry meters = context.metrics().registry();
    Gauge.builder("cache.repaired", writer, CacheWriter::repaired)
        .description("entries of the replicated cache catalog repaired: another member wrote them")
        .register(meters);
    Gauge.builder("cache.verifications", writer, CacheWriter::verifications).register(meters);
    Gauge.builder("cache.members", member, m -> m.getCluster().getMembers().size())
        .register(meters);
    Gauge.builder("cache.entries", map, ReplicatedMap::size).register(meters);
    return new Started(
        List.of(writer),
        () -> {
          writer.close();
          member.shutdown();
        });
  }

  private static CacheWriter.Entry entry(PriceQuote q) {
    return new CacheWriter.Entry(
        q.version(), value(q.version(), q.price(), q.currency(), q.asOf().toString()));
  }

  /** The map's value of a relayed price change (the outbox payload {@link ProductStore} wrote). */
  private static String encode(OutboxEvent e) {
    try {
      JsonNode change = Json.MAPPER.readTree(e.payload());
      return value(
          change.path("version").asLong(),
          change.path("price").asLong(),
          change.path("currency").asText(),
          change.path("validFrom").asText());
    } catch (IOException x) {
      throw new UncheckedIOException("an outbox payload that is not JSON: " + e.id(), x);
    }
  }

  private static String value(long version, long price, String currency, String validFrom) {
    return version + "|" + price + "|" + currency + "|" + validFrom;
  }
}
