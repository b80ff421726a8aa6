package io.interservice.lab;

import io.interservice.lab.fault.Fault;
import io.interservice.lab.fault.Faults;
import io.interservice.lab.report.Comparison;
import io.interservice.lab.report.ConsoleTable;
import io.interservice.lab.report.HtmlReport;
import io.interservice.lab.report.MarkdownReport;
import io.interservice.lab.report.NoiseNote;
import io.interservice.lab.report.Results;
import io.interservice.lab.report.Spread;
import io.interservice.lab.report.StartupReport;
import io.interservice.lab.run.Ceiling;
import io.interservice.lab.run.RunConfig;
import io.interservice.lab.run.RunResult;
import io.interservice.lab.run.Runner;
import io.interservice.lab.run.WarmUpPlan;
import io.interservice.lab.technique.Technique;
import io.interservice.lab.technique.Techniques;
import io.interservice.lab.topology.Databases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code compare}: every technique through every scenario, measured, audited, reported. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Run each technique through each scenario on real processes, audit every order,",
      "and write runs/<timestamp>/results.json, report.md and report.html."
    })
final class CompareCommand implements Callable<Integer> {

  @Option(
      names = "--techniques",
      split = ",",
      description = "techniques to run (default: all implemented)")
  List<String> techniques = new ArrayList<>();

  @Option(
      names = "--scenarios",
      split = ",",
      defaultValue = "steady,owner-down",
      description =
          "scenarios (default ${DEFAULT-VALUE}); known: steady, owner-down, owner-db-down, owner-pause, owner-slow, owner-partition, owner-flaky, price-storm, schema-change, broker-down, broker-failover, relay-kill, consumer-restart")
  List<String> scenarios;

  @Option(
      names = "--duration",
      description = "measured time per run (default 10s; 3s with --quick)")
  @Nullable String duration;

  @Option(
      names = "--warmup",
      description = "unmeasured time before it, after priming (default 2s; 1s with --quick)")
  @Nullable String warmup;

  @Option(
      names = "--warmup-cap",
      description =
          "the longest a fresh start is warmed, steady or not (default 30s; 3s with --quick: one"
              + " verdict)")
  @Nullable String warmupCap;

  @Option(
      names = "--compile-cap",
      description =
          "the longest a fresh start is ordered from back to back after priming, until the"
              + " services' JIT compilers settle (default 45s; 0s, not at all, with --quick)")
  @Nullable String compileCap;

  @Option(
      names = "--warmup-window",
      description =
          "each stretch of warm-up that is judged, three at a time (default 3s; 1s with --quick)")
  @Nullable String warmupWindow;

  @Option(
      names = "--rate",
      defaultValue = "100",
      description = "orders per second offered, open loop (default ${DEFAULT-VALUE})")
  double rate;

  @Option(
      names = "--update-rate",
      defaultValue = "5",
      description = "price changes per second (default ${DEFAULT-VALUE})")
  double updateRate;

  @Option(
      names = "--skew",
      defaultValue = "1.0",
      description =
          "sku popularity: Zipf exponent, 0 for uniform (default ${DEFAULT-VALUE}: the most"
              + " popular product is ordered about 7.5 %% of the time among 1000)")
  double skew;

  @Option(
      names = "--update-skew",
      defaultValue = "1.0",
      description =
          "which prices change: Zipf exponent over the same ranking, 0 for uniform (default"
              + " ${DEFAULT-VALUE}: a price that changes is usually one people buy)")
  double updateSkew;

  @Option(
      names = "--products",
      defaultValue = "1000",
      description = "products seeded (default ${DEFAULT-VALUE})")
  int products;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description =
          "seed of carts, skus and prices; the same seed replays the same load (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--fault-start",
      description = "when the fault window opens, into the measured time (default: a fifth of it)")
  @Nullable String faultStart;

  @Option(
      names = "--fault-duration",
      description = "how long the window lasts (default: 30 %% of the measured time)")
  @Nullable String faultDuration;

  @Option(
      names = "--quick",
      description =
          "a first look: 3s measured after 3s of warm-up judged in 1s windows, fault window from"
              + " 1s to 2s")
  boolean quick;

  @Option(
      names = "--repeat",
      defaultValue = "1",
      description =
          "run the whole comparison N times, each technique afresh each time, and report the spread (default ${DEFAULT-VALUE})")
  int repeat;

  @Option(
      names = "--find-max",
      description =
          "also step the rate up (×1.5 from --rate) in steady until p99 exceeds --slo or errors exceed 1 %%, then halve the last interval twice; a failed step is run once more")
  boolean findMax;

  @Option(
      names = "--metastable",
      description =
          "with --find-max: then load at 80 %% of the highest rate, kill catalog for 10 s, and report"
              + " the time until goodput is back and checkout's requests to catalog per order during"
              + " the outage")
  boolean metastable;

  @Option(
      names = "--slo",
      defaultValue = "250ms",
      description = "p99 target of --find-max (default ${DEFAULT-VALUE})")
  String slo;

  @Option(
      names = "--max-rate",
      defaultValue = "5000",
      description =
          "the highest rate --find-max tries (default ${DEFAULT-VALUE}); a technique that holds it"
              + " is reported as at least that")
  double maxRate;

  @Option(
      names = "--db",
      description = "an existing PostgreSQL (admin JDBC URL) instead of the embedded one")
  @Nullable String db;

  @Option(
      names = "--kafka",
      description =
          "an existing Kafka cluster (host:port,...) instead of the embedded broker, for the techniques that need one")
  @Nullable String kafka;

  @Option(
      names = "--kafka-brokers",
      defaultValue = "1",
      description =
          "nodes of the embedded Kafka (default ${DEFAULT-VALUE}; 3: replication factor 3, min.insync.replicas 2, for broker-failover)")
  int kafkaBrokers;

  @Option(names = "--out", description = "the run directory (default runs/<timestamp>)")
  @Nullable Path out;

  @Override
  public Integer call() throws Exception {
    Duration measured = duration(duration, quick ? "3s" : "10s", "--duration");
    Duration warm = duration(warmup, quick ? "1s" : "2s", "--warmup");
    Duration cap = duration(warmupCap, quick ? "3s" : "30s", "--warmup-cap");
    WarmUpPlan.requireAtLeast(cap, "--warmup-cap", warm, "--warmup");
    WarmUpPlan warmUp =
        new WarmUpPlan(
            duration(warmupWindow, quick ? "1s" : "3s", "--warmup-window"),
            cap,
            duration(compileCap, quick ? "0s" : "45s", "--compile-cap"));
    // the window opens early and leaves time after it, so that recovery can be seen in the run:
    // 2 s to 5 s of the default 10 s (a restarted catalog takes about 2 s to be ready again)
    Duration windowStart =
        duration(
            faultStart,
            quick ? "1s" : Math.max(1, measured.toSeconds() / 5) + "s",
            "--fault-start");
    Duration windowLength =
        duration(
            faultDuration,
            quick ? "1s" : Math.max(1, measured.toSeconds() * 3 / 10) + "s",
            "--fault-duration");
    Duration sloP99 = duration(slo, "250ms", "--slo");
    List<Technique> chosen = techniques.isEmpty() ? Techniques.all() : Techniques.named(techniques);
    List<Fault> faults = Faults.named(scenarios);
    if (rate <= 0 || updateRate < 0 || skew < 0 || updateSkew < 0 || products < 10) {
      throw new IllegalArgumentException(
          "need --rate > 0, --update-rate >= 0, --skew >= 0, --update-skew >= 0, --products >= 10");
    }
    if (repeat < 1 || repeat > 20) {
      throw new IllegalArgumentException("--repeat must be 1 to 20, was " + repeat);
    }
    Path home = Home.path();
    Path runDir = out != null ? out : Home.newRun("");
    Files.createDirectories(runDir);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("techniques", chosen.stream().map(Technique::name).toList());
    settings.put("scenarios", scenarios);
    settings.put("rate", rate);
    settings.put("update_rate", updateRate);
    settings.put("duration_s", measured.toSeconds());
    settings.put("warmup_s", warm.toSeconds());
    settings.put("warmup_cap_s", warmUp.cap().toSeconds());
    settings.put("warmup_window_s", warmUp.window().toSeconds());
    settings.put("compile_cap_s", warmUp.compileCap().toSeconds());
    settings.put("fault_start_s", windowStart.toSeconds());
    settings.put("fault_duration_s", windowLength.toSeconds());
    settings.put("products", products);
    settings.put("skew", skew);
    settings.put("update_skew", updateSkew);
    settings.put("seed", seed);
    settings.put("repeat", repeat);
    String startedAt = Instant.now().toString();
    System.out.println(
        "comparing "
            + settings.get("techniques")
            + " through "
            + scenarios
            + "; run directory "
            + runDir);

    List<RunResult> results = new ArrayList<>();
    List<Comparison.MaxRate> maxRates = new ArrayList<>();
    Ceiling.Result ceiling = null;
    try (Databases databases = db == null ? Databases.embedded(runDir) : Databases.existing(db);
        Runner runner = new Runner(home, databases, kafka, kafkaBrokers, runDir, warmUp)) {
      // repetitions outermost, so that a slow spell of the machine does not land on one technique
      for (int rep = 1; rep <= repeat; rep++) {
        for (Technique technique : chosen) {
          for (Fault fault : faults) {
            if (!fault.appliesTo(technique)) {
              System.err.println(
                  "skipping " + fault.name() + " for " + technique.name() + ": it does not apply");
              continue;
            }
            RunConfig config =
                runConfig(
                    technique,
                    fault,
                    rate,
                    warm,
                    RunConfig.window(technique, fault, measured, quick),
                    windowStart,
                    windowLength,
                    rep);
            String label = technique.name() + " · " + fault.name() + (repeat > 1 ? " #" + rep : "");
            RunResult result = runner.run(config, ProgressLine.of(label));
            ProgressLine.end();
            System.out.printf(
                "%s: %d ok, %d failed, p99 %.1f ms, corrupt %d, lost %d%n",
                label,
                result.ok(),
                result.failed(),
                result.latencyMs().p99(),
                result.audit().corrupt(),
                result.audit().lost());
            results.add(result);
          }
          if (findMax && rep == 1) {
            RateSearch search =
                new RateSearch(runner, this::runConfig, rate, maxRate, warm, sloP99);
            Comparison.MaxRate max = search.findMax(technique);
            if (metastable && max.maxRate() > 0) {
              max = search.probe(technique, max);
            }
            maxRates.add(max);
          }
        }
      }
      if (findMax) {
        runner.stop(); // the ceiling is measured on a quiet machine
        ceiling =
            Ceiling.measure(
                databases.checkout(chosen.get(0)).adminUrl(), sloP99, Math.max(maxRate, 20_000));
        System.out.printf(
            "ceiling: empty HTTP handler %.0f/s, order transaction %.0f/s, 5-sku map lookups %.3g/s%n",
            ceiling.httpRate(), ceiling.transactionRate(), ceiling.lookupsPerSecond());
      }
    }
    Comparison comparison =
        new Comparison(startedAt, settings, results, Spread.of(results), maxRates, ceiling);
    Results.write(comparison, runDir.resolve("results.json"));
    Files.writeString(
        runDir.resolve("report.md"), MarkdownReport.render(comparison), StandardCharsets.UTF_8);
    Files.writeString(
        runDir.resolve("report.html"), HtmlReport.render(comparison), StandardCharsets.UTF_8);
    System.out.println();
    System.out.print(ConsoleTable.render(results));
    System.out.print(NoiseNote.render(results));
    System.out.print(StartupReport.steadinessNote(results));
    if (repeat > 1) {
      System.out.println("\nmedian [lowest–highest] over " + repeat + " repetitions:");
      System.out.print(ConsoleTable.renderSpread(comparison.spread()));
    }
    System.out.println("\nwrote " + runDir.resolve("results.json") + ", report.md, report.html");
    boolean clean =
        results.stream().allMatch(r -> r.audit().corrupt() == 0 && r.audit().lost() == 0);
    if (!clean) {
      System.err.println("AUDIT FAILED: corrupt or lost orders (see report.md)");
    }
    return clean ? 0 : 1;
  }

  /** A run of {@code technique} through {@code fault} with this comparison's load settings. */
  private RunConfig runConfig(
      Technique technique,
      Fault fault,
      double atRate,
      Duration warmUp,
      Duration measured,
      Duration faultStart,
      Duration faultLength,
      int rep) {
    return new RunConfig(
        technique,
        fault,
        atRate,
        updateRate,
        warmUp,
        measured,
        faultStart,
        faultLength,
        products,
        skew,
        updateSkew,
        seed,
        rep);
  }

  private static Duration duration(@Nullable String value, String fallback, String flag) {
    String v = value == null ? fallback : value;
    try {
      return Durations.parse(v);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          flag + " must be a duration such as 500ms, 30s or 2m, was '" + v + "'");
    }
  }
}
