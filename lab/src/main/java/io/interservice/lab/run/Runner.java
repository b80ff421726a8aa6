package io.interservice.lab.run;

import io.interservice.audit.AuditReader;
import io.interservice.audit.AuditResult;
import io.interservice.audit.Propagation;
import io.interservice.lab.fault.Fault;
import io.interservice.lab.load.OpenLoopDriver;
import io.interservice.lab.load.PriceWriter;
import io.interservice.lab.load.Priming;
import io.interservice.lab.scenario.CatalogAdmin;
import io.interservice.lab.topology.Component;
import io.interservice.lab.topology.Databases;
import io.interservice.lab.topology.KafkaCluster;
import io.interservice.lab.topology.ScenarioDatabase;
import io.interservice.lab.topology.ServiceProcess;
import io.interservice.lab.topology.Topology;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs techniques through scenarios, one run at a time: load, price writer and fault window
 * together, then the measures and the audit of the run's own orders. A technique's first run gets
 * fresh schemas and fresh service processes, primed before the load; its next run keeps them if the
 * scenario before left them as found ({@code steady} does), and starts afresh otherwise. {@link
 * #close()} stops the processes still running.
 */
public final class Runner implements AutoCloseable {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_IN_FLIGHT = 2_000;

  /** What a topology was started for: a run with the same may keep it. */
  private record Started(String technique, int products, long seed, int repeat) {
    static Started of(RunConfig config) {
      return new Started(
          config.technique().name(), config.products(), config.seed(), config.repeat());
    }
  }

  private final Path home;
  private final Databases databases;
  private final @Nullable String kafkaServers;
  private final int kafkaBrokers;
  private @Nullable KafkaCluster kafka;
  private final Path runDir;
  private final boolean auditByCommit;
  private final WarmUpPlan warmUp;
  private @Nullable Topology topology;
  private @Nullable Started keepable;
  private double readyS;
  private WarmUp.@Nullable Compiled compiled;

  /**
   * A runner on {@code databases}; a technique that needs a broker gets the cluster at {@code
   * kafkaServers}, or an embedded broker started for the first such technique and kept to the end.
   * A fresh start is warmed as {@code warmUp} plans: until its load is steady, its cap at most.
   */
  public Runner(
      Path home,
      Databases databases,
      @Nullable String kafkaServers,
      int kafkaBrokers,
      Path runDir,
      WarmUpPlan warmUp)
      throws SQLException {
    if (kafkaBrokers != 1 && kafkaBrokers != 3) {
      throw new IllegalArgumentException("--kafka-brokers must be 1 or 3, was " + kafkaBrokers);
    }
    this.kafkaBrokers = kafkaBrokers;
    this.warmUp = warmUp;
    this.home = home;
    this.databases = databases;
    this.kafkaServers = kafkaServers;
    this.runDir = runDir;
    // a server setting, the same for every run: how the audit dates versions and orders
    this.auditByCommit = AuditReader.tracksCommits(databases.catalog().adminUrl());
  }

  /**
   * Runs {@code config}; {@code progress} hears from the load about once a second. On kept
   * processes there is no warm-up: they are warm from the run before.
   */
  public RunResult run(RunConfig config, Consumer<OpenLoopDriver.Progress> progress)
      throws InterruptedException, SQLException {
    // orders from here on are this run's (priming's included); earlier ones are not audited again
    Instant since = AuditReader.now(databases.checkout(config.technique()).adminUrl());
    boolean kept = canKeep(config);
    if (kept) {
      System.err.println(
          "keeping "
              + config.technique().name()
              + "'s processes: the run before left them as found");
    } else {
      startFresh(config);
    }
    keepable = null;
    Topology services = Objects.requireNonNull(topology);
    String mark = "lab: " + config.fault().name() + " run starts at " + Instant.now();
    services.catalog().note(mark);
    services.checkout().note(mark);
    WarmUp.Outcome warm =
        kept
            ? null
            : WarmUp.untilSteady(
                services.client(),
                new OwnerRequests(services.catalog().url(), config.technique().ownerEndpoints()),
                services.admin(),
                config,
                warmUp,
                MAX_IN_FLIGHT,
                REQUEST_TIMEOUT,
                progress);
    String checkoutDb = databases.checkout(config.technique()).adminUrl();
    Instant measuredFrom = AuditReader.now(checkoutDb);
    RunResult.Startup startup =
        warm == null
            ? null
            : warm.startup(
                readyS,
                compiled,
                Figures.audit(
                    AuditReader.audit(
                        databases.catalog().adminUrl(), checkoutDb, List.of(), since, measuredFrom),
                    auditByCommit));
    RunResult result =
        measure(config.withWarmup(Duration.ZERO), kept, services, progress, measuredFrom, startup);
    if (config.fault().leavesProcessesAsFound()) {
      keepable = Started.of(config);
    }
    return result;
  }

  private boolean canKeep(RunConfig config) {
    Topology running = topology;
    return running != null
        && Started.of(config).equals(keepable)
        && running.catalog().alive()
        && running.checkout().alive();
  }

  private void startFresh(RunConfig config) throws InterruptedException {
    long stopping = System.nanoTime();
    boolean hadProcesses = topology != null;
    stopTopology();
    long resetting = System.nanoTime();
    databases.reset();
    if (hadProcesses) {
      System.err.printf(
          "stopped the processes before in %.1f s, reset the databases in %.1f s%n",
          (resetting - stopping) / 1e9, (System.nanoTime() - resetting) / 1e9);
    }
    KafkaCluster broker = config.technique().needsBroker() ? broker() : null;
    if (broker != null) {
      broker.deleteTopics();
    }
    long starting = System.nanoTime();
    Topology running =
        Topology.onDatabases(
            databases,
            broker,
            new Topology.Options(
                home,
                runDir.resolve(config.technique().name()),
                0,
                0,
                config.technique(),
                List.of(),
                config.products(),
                config.seed(),
                true));
    topology = running;
    long priming = System.nanoTime();
    readyS = (priming - starting) / 1e9;
    int primed = Priming.prime(running.client(), config.products());
    System.err.printf(
        "started %s's catalog and checkout in %.1f s %s; primed checkout with %d orders in %.1f s%n",
        config.technique().name(),
        (priming - starting) / 1e9,
        running.startPhases(),
        primed,
        (System.nanoTime() - priming) / 1e9);
    if (primed == 0) {
      System.err.println(
          "checkout took no order in the 20 s before the load; its log is under " + runDir);
    }
    compiled = WarmUp.untilCompiled(running, config, warmUp);
  }

  private void stopTopology() {
    keepable = null;
    if (topology != null) {
      topology.close();
      topology = null;
    }
  }

  private KafkaCluster broker() {
    if (kafka == null) {
      long start = System.nanoTime();
      kafka =
          kafkaServers == null
              ? KafkaCluster.start(home, runDir, kafkaBrokers)
              : KafkaCluster.existing(kafkaServers);
      System.err.printf(
          "%s Kafka at %s in %.1f s%n",
          kafkaServers == null ? "started" : "using",
          kafka.bootstrapServers(),
          (System.nanoTime() - start) / 1e9);
    }
    return kafka;
  }

  /** Stops the processes of the last run, if any still run, and the broker it started. */
  public void stop() {
    stopTopology();
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
  }

  /** The same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private RunResult measure(
      RunConfig config,
      boolean kept,
      Topology services,
      Consumer<OpenLoopDriver.Progress> progress,
      Instant since,
      RunResult.@Nullable Startup startup)
      throws InterruptedException, SQLException {
    ServiceProcess catalog = services.catalog();
    ServiceProcess checkout = services.checkout();
    CatalogAdmin admin = services.admin();
    OwnerRequests ownerRequests =
        new OwnerRequests(catalog.url(), config.technique().ownerEndpoints());
    ScenarioDatabase catalogDb = services.catalogDatabase();
    ScenarioDatabase checkoutDb = services.checkoutDatabase();
    Map<Component.Role, Component> components = services.components();
    ProcessMeters cpu = new ProcessMeters(components, catalogDb == checkoutDb);
    Fault fault = config.fault();
    AtomicBoolean inWindow = new AtomicBoolean();
    Fault.Target target =
        new Fault.Target(
            components,
            admin,
            services.ownerNetwork(),
            config.technique().needsBroker() ? kafka : null,
            role -> {
              if (role == Component.Role.OWNER) {
                ownerRequests.checkpoint();
              }
              cpu.checkpoint(role);
            });
    // on the idle processes, before the load and its clock start: what a system call and a thread
    // hand-off cost today
    MachineSpeed.Result speed = MachineSpeed.measure();
    long loadStart = System.nanoTime();
    // the wall-clock instant the measured window opens: propagation counts the changes after it
    Instant measuredFrom =
        Instant.now().plusNanos(loadStart - System.nanoTime() + config.warmup().toNanos());
    // the measured part starts now: fresh processes were warmed before, kept ones are warm
    ownerRequests.rebase();
    cpu.rebase();
    Midpoint midpoint =
        new Midpoint(ownerRequests, cpu.byName().get(ProcessMeters.CHECKOUT), checkout::pid);
    MachineNoise.Sample noiseFrom = MachineNoise.sample();
    Duration windowOpens = config.warmup().plus(config.faultStart());
    ConsumerCalls consumerCalls = new ConsumerCalls(checkout.url());
    Thread faultThread =
        Thread.ofPlatform()
            .name("fault-" + fault.name())
            .start(() ->
                FaultWindows.run(
                    fault,
                    target,
                    inWindow,
                    consumerCalls,
                    loadStart,
                    windowOpens,
                    config.faultDuration()));
    OpenLoopDriver.Result load;
    try (PriceWriter writer =
            new PriceWriter(
                admin,
                () -> config.updateRate() * (inWindow.get() ? fault.updateRateFactor() : 1),
                config.products(),
                config.updateSkew(),
                config.seed() + 1);
        DiskStalls disk = DiskStalls.watch()) {
      load =
          OpenLoopDriver.run(
              services.client(),
              new OpenLoopDriver.Config(
                  config.rate(),
                  config.warmup(),
                  config.duration(),
                  config.products(),
                  config.skew(),
                  config.seed(),
                  MAX_IN_FLIGHT,
                  REQUEST_TIMEOUT),
              progress,
              midpoint::mark);
      faultThread.join();
      MachineNoise.Sample noiseTo = MachineNoise.sample();
      cpu.follow(components);
      RunResult.Machine machine =
          MachineNoise.between(noiseFrom, noiseTo, cpu.seconds(), disk.worstSecondMs(), speed);
      double seconds = config.duration().toMillis() / 1000.0;
      long owner = ownerRequests.total();
      // orders accepted as pending get until their deadline (5 s) to be settled
      long pending =
          config.technique().asynchronous()
              ? AuditReader.pendingAfter(checkoutDb.adminUrl(), Duration.ofSeconds(7))
              : 0;
      // CPU counted up to here: the orders' work is done (pending ones settled), and what follows
      // (the audit's queries, reading metrics) is the lab's, not the run's
      Map<String, Double> cpuSeconds = cpu.secondsByName();
      Figures.Halves halves = midpoint.halves(cpuSeconds.get(ProcessMeters.CHECKOUT));
      if (!load.accepted().isEmpty()) {
        Map<UUID, OpenLoopDriver.Settled> settled = new java.util.HashMap<>();
        AuditReader.settlements(
                checkoutDb.adminUrl(),
                load.accepted().stream().map(OpenLoopDriver.Accepted::id).toList())
            .forEach((id, s) ->
                settled.put(
                    id,
                    new OpenLoopDriver.Settled(
                        s.status(),
                        s.reason(),
                        java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, s.at()))));
        load = OpenLoopDriver.settle(load, settled);
      }
      AuditResult audit =
          AuditReader.audit(
              catalogDb.adminUrl(), checkoutDb.adminUrl(), load.acknowledged(), since);
      return Figures.result(
          config,
          kept,
          auditByCommit,
          load,
          seconds,
          owner,
          cpuSeconds,
          audit,
          writer.changes(),
          SourceLines.count(home, config.technique().sources()),
          propagation(catalogDb, checkoutDb, measuredFrom)
              .map(p ->
                  new RunResult.Propagation(
                      p.changes(),
                      p.missing(),
                      Figures.round(p.percentile(50), 1),
                      Figures.round(p.percentile(99), 1),
                      Figures.round(p.percentile(100), 1)))
              .orElse(null),
          pending,
          consumerCalls.inWindow(),
          machine,
          startup,
          halves,
          (noiseTo.labCpuNanos() - noiseFrom.labCpuNanos()) / 1e9);
    }
  }

  /**
   * The propagation of the changes committed from {@code from}, given up to 5 s after the load to
   * reach the replica (a backlog after a broker's restart, say); empty for a technique without a
   * replica log.
   */
  private static java.util.Optional<Propagation.Result> propagation(
      ScenarioDatabase catalogDb, ScenarioDatabase checkoutDb, Instant from)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      java.util.Optional<Propagation.Result> p =
          Propagation.measure(catalogDb.adminUrl(), checkoutDb.adminUrl(), from);
      if (p.isEmpty() || p.get().missing() == 0 || System.nanoTime() > deadline) {
        return p;
      }
      Thread.sleep(200);
    }
  }
}
