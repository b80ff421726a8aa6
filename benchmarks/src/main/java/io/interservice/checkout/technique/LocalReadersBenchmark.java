package io.interservice.checkout.technique;

import io.interservice.access.Access;
import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import io.interservice.access.Versioned;
import io.interservice.access.spi.Change;
import io.interservice.access.spi.ChangeFeed;
import io.interservice.access.spi.ReplicaSink;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
 * What the local readers cost over a bare map: pricing a 5-line order (a read of 5 skus, each with
 * its provenance) through the replica that {@code push} and {@code events} read, through {@code
 * bounded}'s reader over such a replica (its watermark within the bound), and through a warm {@code
 * cache-aside} cache, against the same 5 lookups in a raw {@code ConcurrentHashMap}. 1,000 prices
 * in each, and the clock reading a {@code cache-aside} read makes. The replica's feed here is an
 * in-memory one that loads them and stops: what is measured is the read path, not a transport.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocalReadersBenchmark {
  private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  private static final Set<String> SKUS =
      Set.of("SKU-00001", "SKU-00017", "SKU-00123", "SKU-00456", "SKU-00999");

  private static final InstantSource CLOCK = InstantSource.system();

  private final Map<String, Versioned<Price>> raw = new ConcurrentHashMap<>();
  private Reader<String, Price> replica;
  private Reader<String, Price> cache;
  private Reader<String, Price> bounded;

  /**
   * The owner's 1,000 prices, loaded into two replicas (one for {@code bounded}), a cache and a
   * map.
   */
  @Setup
  public void load() {
    Map<String, Versioned<Price>> owner = new HashMap<>();
    for (int n = 1; n <= 1000; n++) {
      owner.put(
          String.format("SKU-%05d", n),
          new Versioned<>(new Price(100 + n, "USD"), Provenance.fromOwner(1, AS_OF)));
    }
    raw.putAll(owner);
    replica = Access.replica("catalog", loading(owner, null)).build();
    Reader<String, Price> direct =
        Access.<String, Price>direct(
                "catalog",
                (keys, timeout) -> {
                  Map<String, Versioned<Price>> found = new HashMap<>();
                  keys.forEach(k -> found.put(k, owner.get(k)));
                  return new Read.Found<>(found, Set.of());
                })
            .build();
    cache =
        Access.cacheAside(direct)
            .fresh(Duration.ofHours(1))
            .refreshAfter(Duration.ofMinutes(50))
            .maxStale(Duration.ofHours(2))
            .build();
    // complete up to now, read within an hour: every read is served from the replica
    bounded =
        Access.bounded(Access.replica("catalog", loading(owner, CLOCK.instant())).build(), direct)
            .bound(Duration.ofHours(1))
            .build();
    for (String sku : owner.keySet()) {
      cache.read(Set.of(sku));
    }
  }

  /** A feed that loads {@code owner}'s prices (and a watermark, unless null) and stops. */
  private static ChangeFeed<String, Price> loading(
      Map<String, Versioned<Price>> owner, @Nullable Instant watermark) {
    return new ChangeFeed<>() {
      @Override
      public void start(ReplicaSink<String, Price> sink) {
        owner.forEach((k, v) -> sink.apply(new Change.Upsert<>(k, v.value(), 1, AS_OF)));
        if (watermark != null) {
          sink.apply(new Change.Watermark<>(watermark));
        }
        sink.bootstrapped();
      }

      @Override
      public void close() {}
    };
  }

  @TearDown
  public void close() throws Exception {
    replica.close();
    cache.close();
    bounded.close();
  }

  @Benchmark
  public void rawMap(Blackhole bh) {
    for (String sku : SKUS) {
      bh.consume(raw.get(sku));
    }
  }

  @Benchmark
  public Read<String, Price> replica() {
    return replica.read(SKUS);
  }

  @Benchmark
  public Read<String, Price> bounded() {
    return bounded.read(SKUS);
  }

  @Benchmark
  public Read<String, Price> cacheAside() {
    return cache.read(SKUS);
  }

  /**
   * The one clock reading a {@code cache-aside} read makes (its default clock, in milliseconds):
   * the part of its cost that a map without ages does not have.
   */
  @Benchmark
  public long clockReading() {
    return CLOCK.millis();
  }
}
