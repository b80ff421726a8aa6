package io.interservice.checkout.technique;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.replicatedmap.ReplicatedMap;
import io.interservice.access.Reader;
import io.interservice.access.Versioned;
import io.interservice.access.hazelcast.CacheReader;
import io.interservice.service.Cluster;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Which Hazelcast structure the replicated cache should read: a 5-sku read on a member that does
 * not own the data, from a {@code ReplicatedMap} (through the technique's own reader) and from an
 * {@code IMap} with a warm near cache (local entries cached too), and from an {@code IMap} without
 * one (a read is a call to the partition's owner, local or remote). Two members in this benchmark's
 * JVM, on 127.0.0.1: the owner (which wrote 1,000 prices into both) and the reader.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED"
    })
public class ReplicatedStructuresBenchmark {
  private static final List<String> SKUS =
      List.of("SKU-00001", "SKU-00017", "SKU-00123", "SKU-00456", "SKU-00999");
  private static final Set<String> SKU_SET = Set.copyOf(SKUS);

  private HazelcastInstance owner;
  private HazelcastInstance reader;
  private Reader<String, Price> replicated;
  private IMap<String, String> nearCached;
  private IMap<String, String> partitioned;
  private final Map<String, Versioned<Price>> raw = new ConcurrentHashMap<>();

  /** Two members; 1,000 prices written by the owner into each structure. */
  @Setup
  public void start() {
    owner = Hazelcast.newHazelcastInstance(member(5801));
    reader = Hazelcast.newHazelcastInstance(member(5802));
    Map<String, String> prices = new HashMap<>();
    for (int n = 1; n <= 1000; n++) {
      prices.put(String.format("SKU-%05d", n), "1|" + (100 + n) + "|USD|2026-01-01T00:00:00Z");
    }
    owner.<String, String>getReplicatedMap("prices").putAll(prices);
    owner.<String, String>getReplicatedMap("prices").put(CacheReader.LOADED, "1000");
    owner.<String, String>getMap("prices-near").putAll(prices);
    owner.<String, String>getMap("prices-far").putAll(prices);
    ReplicatedMap<String, String> copy = reader.getReplicatedMap("prices");
    while (copy.size() < 1001) {
      Thread.onSpinWait();
    }
    replicated = new CacheReader<>("catalog", copy, PriceCodecs::replicated);
    nearCached = reader.getMap("prices-near");
    partitioned = reader.getMap("prices-far");
    SKUS.forEach(nearCached::get); // warm the near cache
    prices.forEach((sku, value) -> raw.put(sku, PriceCodecs.replicated(sku, value)));
  }

  private static Config member(int port) {
    Config c =
        Cluster.config(
            "benchmark",
            "member-" + port,
            "127.0.0.1",
            port,
            List.of("127.0.0.1:5801", "127.0.0.1:5802"));
    c.setProperty("hazelcast.logging.type", "none");
    c.getMapConfig("prices-near")
        .setNearCacheConfig(
            new NearCacheConfig("prices-near")
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setCacheLocalEntries(true)
                .setInvalidateOnChange(true));
    return c;
  }

  @Benchmark
  public void rawMap(Blackhole bh) {
    for (String sku : SKUS) {
      bh.consume(raw.get(sku));
    }
  }

  @Benchmark
  public Object replicatedMapThroughTheReader() {
    return replicated.read(SKU_SET);
  }

  @Benchmark
  public void imapWithNearCache(Blackhole bh) {
    for (String sku : SKUS) {
      bh.consume(PriceCodecs.replicated(sku, nearCached.get(sku)));
    }
  }

  @Benchmark
  public void imapWithoutNearCache(Blackhole bh) {
    for (String sku : SKUS) {
      bh.consume(PriceCodecs.replicated(sku, partitioned.get(sku)));
    }
  }

  /** Stops both members. */
  @TearDown
  public void stop() {
    replicated.close();
    reader.shutdown();
    owner.shutdown();
  }
}
