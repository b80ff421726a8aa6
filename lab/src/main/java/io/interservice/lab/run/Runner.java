package io.interservice.lab.run;

import io.interservice.audit.AuditReader;
import io.interservice.audit.AuditResult;
import io.interservice.lab.fault.Fault;
import io.interservice.lab.load.OpenLoopDriver;
import io.interservice.lab.load.Outcome;
import io.interservice.lab.load.PriceWriter;
import io.interservice.lab.load.Priming;
import io.interservice.lab.load.Timeline;
import io.interservice.lab.scenario.CatalogAdmin;
import io.interservice.lab.topology.Ports;
import io.interservice.lab.topology.ScenarioDatabase;
import io.interservice.lab.topology.ServiceProcess;
import io.interservice.lab.topology.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Runs a technique through a scenario on fresh schemas and fresh service processes: load, price
 * writer and fault window together, then the measures and the audit.
 */
public final class Runner {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_IN_FLIGHT = 2_000;

  private final Path home;
  private final ScenarioDatabase database;
  private final Path runDir;

  public Runner(Path home, ScenarioDatabase database, Path runDir) {
    this.home = home;
    this.database = database;
    this.runDir = runDir;
  }

  /** Runs {@code config}; {@code progress} hears from the load about once a second. */
  public RunResult run(RunConfig config, Consumer<OpenLoopDriver.Progress> progress)
      throws IOException, InterruptedException, SQLException {
    database.reset();
    Path logs =
        Files.createDirectories(
            runDir.resolve(config.technique().name() + "-" + config.fault().name()));
    try (ServiceProcess catalog =
        Services.catalog(home, database, Ports.freeWith(Services.GRPC_OFFSET), logs)) {
      CatalogAdmin admin = new CatalogAdmin(catalog.url());
      admin.seed(config.products(), config.seed());
      config.technique().prepare(database);
      try (ServiceProcess checkout =
          Services.checkout(
              home,
              database,
              Ports.free(),
              catalog.url(),
              config.technique().checkoutArgs(),
              logs)) {
        return measure(config, catalog, checkout, admin, progress);
      }
    }
  }

  private RunResult measure(
      RunConfig config,
      ServiceProcess catalog,
      ServiceProcess checkout,
      CatalogAdmin admin,
      Consumer<OpenLoopDriver.Progress> progress)
      throws InterruptedException, SQLException {
    long priming = System.nanoTime();
    int primed = Priming.prime(checkout.url(), config.products());
    System.err.printf(
        "primed checkout with %d orders in %.1f s%n", primed, (System.nanoTime() - priming) / 1e9);
    if (primed == 0) {
      System.err.println(
          "checkout took no order in the 20 s before the load; its log is under " + runDir);
    }
    OwnerRequests ownerRequests = new OwnerRequests(catalog.url());
    Map<String, ProcessCpu> cpu = new LinkedHashMap<>();
    cpu.put("catalog", new ProcessCpu(catalog.pid()));
    cpu.put("checkout", new ProcessCpu(checkout.pid()));
    cpu.put("postgres", new ProcessCpu(database.serverPid()));
    Fault fault = config.fault();
    AtomicBoolean inWindow = new AtomicBoolean();
    Fault.Target target =
        new Fault.Target(
            catalog,
            admin,
            () -> {
              ownerRequests.checkpoint();
              cpu.get("catalog").checkpoint();
            });
    long loadStart = System.nanoTime();
    Thread.ofPlatform()
        .daemon()
        .name("measure-start")
        .start(() -> {
          try {
            sleepUntil(loadStart + config.warmup().toNanos());
            ownerRequests.rebase();
            cpu.values().forEach(ProcessCpu::rebase);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    Duration windowOpens = config.warmup().plus(config.faultStart());
    Thread faultThread =
        Thread.ofPlatform()
            .name("fault-" + fault.name())
            .start(() ->
                runFault(fault, target, inWindow, loadStart, windowOpens, config.faultDuration()));
    OpenLoopDriver.Result load;
    try (PriceWriter writer =
        new PriceWriter(
            admin,
            () -> config.updateRate() * (inWindow.get() ? fault.updateRateFactor() : 1),
            config.products(),
            config.seed() + 1)) {
      load =
          OpenLoopDriver.run(
              checkout.url(),
              new OpenLoopDriver.Config(
                  config.rate(),
                  config.warmup(),
                  config.duration(),
                  config.products(),
                  config.skew(),
                  config.seed(),
                  MAX_IN_FLIGHT,
                  REQUEST_TIMEOUT),
              progress);
      faultThread.join();
      cpu.get("catalog").follow(catalog.pid());
      double seconds = config.duration().toMillis() / 1000.0;
      long owner = ownerRequests.total();
      AuditResult audit = AuditReader.audit(database.adminUrl(), load.acknowledged());
      return result(
          config,
          load,
          seconds,
          owner,
          cpu,
          audit,
          writer.changes(),
          SourceLines.count(home, config.technique().sources()));
    }
  }

  private static void runFault(
      Fault fault,
      Fault.Target target,
      AtomicBoolean inWindow,
      long loadStart,
      Duration opensAfter,
      Duration lasts) {
    if (!fault.hasWindow()) {
      return;
    }
    try {
      sleepUntil(loadStart + opensAfter.toNanos());
      inWindow.set(true);
      fault.begin(target);
      sleepUntil(loadStart + opensAfter.plus(lasts).toNanos());
      inWindow.set(false);
      fault.end(target);
    } catch (Exception e) {
      System.err.println("fault " + fault.name() + " failed: " + e);
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait));
    }
  }

  private static RunResult result(
      RunConfig config,
      OpenLoopDriver.Result load,
      double seconds,
      long ownerRequests,
      Map<String, ProcessCpu> cpu,
      AuditResult audit,
      long priceChanges,
      int loc) {
    long ok = load.ok();
    Map<String, Long> failures = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      if (o != Outcome.OK) {
        failures.put(
            o.name().toLowerCase(java.util.Locale.ROOT), load.outcomes().getOrDefault(o, 0L));
      }
    }
    Map<String, Double> cpuPer1000 = new LinkedHashMap<>();
    cpu.forEach((name, meter) ->
        cpuPer1000.put(name, ok == 0 ? 0 : round(meter.seconds() * 1000.0 / ok, 3)));
    Histogram h = load.latency();
    RunResult.Latency latency =
        new RunResult.Latency(
            ms(h.getValueAtPercentile(50)),
            ms(h.getValueAtPercentile(90)),
            ms(h.getValueAtPercentile(99)),
            ms(h.getValueAtPercentile(99.9)),
            ms(h.getMaxValue()));
    return new RunResult(
        config.technique().name(),
        config.fault().name(),
        round(load.offered() / seconds, 1),
        round(ok / seconds, 1),
        ok,
        load.failed(),
        failures,
        load.reasons(),
        latency,
        curve(h),
        window(config, load.timeline()),
        ok == 0 ? 0 : round((double) ownerRequests / ok, 3),
        cpuPer1000,
        new RunResult.Audit(
            audit.lines(),
            audit.current(),
            audit.stale(),
            audit.corrupt(),
            audit.lost(),
            round(audit.staleRate(), 5),
            new RunResult.Staleness(
                round(audit.stalenessP99Ms(), 1), round(audit.stalenessMaxMs(), 1))),
        priceChanges,
        new RunResult.Timeline(load.timeline().ok(), load.timeline().failed()),
        config.technique().movingParts(),
        loc);
  }

  static RunResult.@org.jspecify.annotations.Nullable FaultWindow window(
      RunConfig config, Timeline timeline) {
    if (!config.fault().hasWindow()) {
      return null;
    }
    int start = (int) config.faultStart().toSeconds();
    int end = (int) (config.faultStart().plus(config.faultDuration()).toSeconds());
    long sent = 0;
    long ok = 0;
    for (int s = start; s < Math.min(end, timeline.seconds()); s++) {
      sent += timeline.total(s);
      ok += timeline.count(s, Outcome.OK);
    }
    Double recovery = null;
    for (int s = end; s < timeline.seconds(); s++) {
      long total = timeline.total(s);
      if (total > 0 && timeline.count(s, Outcome.OK) >= 0.99 * total) {
        recovery = (double) (s - end);
        break;
      }
    }
    return new RunResult.FaultWindow(
        config.fault().name(),
        config.faultStart().toMillis() / 1000.0,
        config.faultDuration().toMillis() / 1000.0,
        sent == 0 ? 0 : round((double) ok / sent, 4),
        recovery);
  }

  private static List<double[]> curve(Histogram h) {
    List<double[]> points = new ArrayList<>();
    if (h.getTotalCount() == 0) {
      return points;
    }
    for (HistogramIterationValue v : h.percentiles(5)) {
      double p = v.getPercentileLevelIteratedTo();
      points.add(new double[] {round(p, 4), ms(v.getValueIteratedTo())});
      if (p >= 99.99) {
        break;
      }
    }
    return points;
  }

  private static double ms(long micros) {
    return round(micros / 1000.0, 2);
  }

  static double round(double v, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(v * scale) / scale;
  }
}
