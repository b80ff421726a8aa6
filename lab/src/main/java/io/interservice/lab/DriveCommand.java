package io.interservice.lab;

import io.interservice.lab.load.ClosedLoopDriver;
import io.interservice.lab.load.Priming;
import io.interservice.lab.technique.Technique;
import io.interservice.lab.technique.Techniques;
import io.interservice.lab.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drive}: closed-loop throughput of checkout with N concurrent clients. */
@Command(
    name = "drive",
    mixinStandardHelpOptions = true,
    description = {
      "Start the scenario, prime checkout, then N clients each send orders back to back",
      "(closed loop); prints orders/s and latency percentiles. For comparisons use 'compare' (open loop)."
    })
final class DriveCommand implements Callable<Integer> {

  @Option(
      names = "--clients",
      defaultValue = "16",
      description = "concurrent clients (default ${DEFAULT-VALUE})")
  int clients;

  @Option(
      names = "--duration",
      defaultValue = "20s",
      description = "measured time (default ${DEFAULT-VALUE})")
  String duration;

  @Option(
      names = "--warmup",
      defaultValue = "5s",
      description = "unmeasured time before it (default ${DEFAULT-VALUE})")
  String warmup;

  @Option(
      names = "--technique",
      defaultValue = "direct",
      description = "checkout's technique (default ${DEFAULT-VALUE})")
  String technique;

  @Option(
      names = "--products",
      defaultValue = "1000",
      description = "products seeded (default ${DEFAULT-VALUE})")
  int products;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "seed of carts and prices (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--db",
      description = "an existing PostgreSQL (admin JDBC URL) instead of the embedded one")
  @Nullable String db;

  @Option(
      names = "--kafka",
      description =
          "an existing Kafka cluster (host:port,...) instead of the embedded broker, for the techniques that need one")
  @Nullable String kafka;

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || clients > 1024) {
      System.err.println("--clients must be 1 to 1024, was " + clients);
      return 2;
    }
    Technique chosen = Techniques.named(List.of(technique)).get(0);
    Path home = Home.path();
    Path runDir = Home.newRun("-drive");
    try (Topology topology =
        Topology.start(
            new Topology.Options(home, runDir, 0, 0, chosen, List.of(), products, seed, false),
            db,
            kafka)) {
      // as in compare: two cold JVMs are primed gently before the clients press them
      int primed = Priming.prime(topology.client(), products);
      System.err.printf("primed checkout with %d orders%n", primed);
      ClosedLoopDriver.Result r =
          ClosedLoopDriver.run(
              topology.client(),
              clients,
              Durations.parse(warmup),
              Durations.parse(duration),
              products,
              seed);
      System.out.printf(
          "%s, %d clients, %s: %.0f orders/s, %d failed; latency ms p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
          technique,
          clients,
          duration,
          r.rate(),
          r.failed(),
          r.latency().getValueAtPercentile(50) / 1000.0,
          r.latency().getValueAtPercentile(90) / 1000.0,
          r.latency().getValueAtPercentile(99) / 1000.0,
          r.latency().getValueAtPercentile(99.9) / 1000.0,
          r.latency().getMaxValue() / 1000.0);
    }
    return 0;
  }
}
