package io.interservice.checkout.technique;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.interservice.access.Access;
import io.interservice.access.Read;
import io.interservice.access.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The direct reader's overhead: a 5-sku read through the library (coalescing, breaker, bulkhead,
 * retry bookkeeping, attempt timeout on a virtual thread) against the very same HTTP call made raw.
 * Both ask one local HTTP server that answers {@code /prices} with a fixed body, so the difference
 * is the library's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(1)
public class DirectReaderBenchmark {
  private static final Set<String> SKUS =
      Set.of("SKU-00001", "SKU-00002", "SKU-00003", "SKU-00004", "SKU-00005");

  private WebServer owner;
  private CatalogHttpClient raw;
  private Reader<String, Price> reader;

  @Setup(Level.Trial)
  public void start() {
    StringBuilder prices = new StringBuilder("{\"prices\":[");
    String asOf = Instant.parse("2026-01-01T00:00:00Z").toString();
    int i = 0;
    for (String sku : SKUS) {
      prices.append(i++ == 0 ? "" : ",");
      prices.append("{\"sku\":\"").append(sku).append("\",\"price\":1234,\"currency\":\"USD\",");
      prices.append("\"version\":7,\"asOf\":\"").append(asOf).append("\"}");
    }
    byte[] body = prices.append("],\"unknown\":[]}").toString().getBytes(StandardCharsets.UTF_8);
    owner =
        WebServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routing(r ->
                r.get(
                    "/prices",
                    (req, res) -> {
                      res.header(HeaderNames.CONTENT_TYPE, "application/json");
                      res.send(body);
                    }))
            .build()
            .start();
    String url = "http://127.0.0.1:" + owner.port();
    raw =
        new CatalogHttpClient(url, Duration.ofSeconds(1), () -> "Bearer not-checked-by-this-owner");
    reader =
        Access.direct(
                "catalog",
                new CatalogHttpClient(
                    url, Duration.ofSeconds(1), () -> "Bearer not-checked-by-this-owner"))
            .attemptTimeout(Duration.ofSeconds(1))
            .deadline(Duration.ofSeconds(2))
            .build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    owner.stop();
  }

  @Benchmark
  public Read.Found<String, Price> rawHttpCall() throws Exception {
    return raw.fetch(SKUS, Duration.ofSeconds(1));
  }

  @Benchmark
  public Read<String, Price> directReader() {
    Read<String, Price> read = reader.read(SKUS);
    if (!(read instanceof Read.Found<String, Price>)) {
      throw new IllegalStateException("benchmark owner failed: " + read);
    }
    return read;
  }
}
