package io.interservice.lab.topology;

import io.interservice.lab.load.Client;
import io.interservice.lab.scenario.CatalogAdmin;
import io.interservice.lab.technique.Technique;
import io.interservice.service.identity.Provisioning;
import io.interservice.service.identity.Scopes;
import io.interservice.service.identity.Signer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The whole scenario running: catalog and checkout, each on its own database server (embedded; one
 * existing database for both with {@code --db}; catalog's for a technique that shares it), or on
 * servers the caller runs. Catalog starts with the technique's owner features and is seeded, the
 * lab's proxies open in front of its endpoints, the technique's database preparation is done, then
 * checkout starts, reaching catalog through the proxies. {@link #close()} stops everything it
 * started, in reverse order.
 */
public final class Topology implements AutoCloseable {

  /**
   * What to start.
   *
   * @param home the repository root, where the services' jars are built
   * @param logDir where the services' logs go (and embedded databases' files, under {@code
   *     postgres-catalog/} and {@code postgres-checkout/})
   * @param catalogPort catalog's port (0 picks a free one)
   * @param checkoutPort checkout's port (0 picks a free one)
   * @param technique how checkout gets prices: its flags, catalog's features, the database's
   *     preparation
   * @param extraCheckoutArgs flags added to the technique's
   * @param products products seeded ({@code SKU-00001} ...)
   * @param seed the seed of their prices (and of the proxies)
   * @param labMode whether catalog offers the lab's schema-change route
   */
  public record Options(
      Path home,
      Path logDir,
      int catalogPort,
      int checkoutPort,
      Technique technique,
      List<String> extraCheckoutArgs,
      int products,
      long seed,
      boolean labMode) {}

  private final List<AutoCloseable> started = new ArrayList<>();
  private final Databases databases;
  private final @Nullable KafkaCluster kafka;
  private final ScenarioDatabase catalogDb;
  private final ScenarioDatabase checkoutDb;
  private final ServiceProcess catalog;
  private final OwnerNetwork ownerNetwork;
  private final ServiceProcess checkout;
  private final Provisioning.Provisioned identities;
  private final Options options;
  private final Technique.Owner owner;
  private final List<Integer> clusterPorts = new ArrayList<>();
  private int clusterMembersStarted;
  private final String clusterName =
      "lab-" + Long.toHexString(new java.security.SecureRandom().nextLong());
  private final String adminAuthorization;
  private final String clientAuthorization;
  private final Map<String, Double> startPhases = new LinkedHashMap<>();

  private Topology(
      Options options, Databases databases, @Nullable KafkaCluster kafka, boolean owned) {
    this.databases = databases;
    this.kafka = kafka;
    this.options = options;
    if (owned) {
      started.add(databases);
      if (kafka != null) {
        started.add(kafka);
      }
    }
    Technique technique = options.technique();
    this.catalogDb = databases.catalog();
    this.checkoutDb = databases.checkout(technique);
    ScenarioDatabase database = catalogDb;
    this.identities = Provisioning.scenario(options.logDir().resolve("identity"));
    Signer authority = identities.authority(Clock.systemUTC());
    this.adminAuthorization =
        "Bearer "
            + authority.mint(
                "operator",
                "catalog",
                Set.of(Scopes.CATALOG_ADMIN, Scopes.PRICES_READ),
                TOKEN_LIFETIME);
    this.clientAuthorization = clientAuthorization("lab");
    long phase = System.nanoTime();
    try {
      int catalogPort =
          options.catalogPort() == 0 ? Ports.freeWith(Services.GRPC_OFFSET) : options.catalogPort();
      int checkoutPort = port(options.checkoutPort());
      catalog =
          Services.catalog(
              options.home(),
              database,
              catalogPort,
              options.logDir(),
              technique.catalogFeatures(),
              catalogArgs(technique, kafka),
              options.labMode(),
              identities,
              checkoutPort);
      started.add(catalog);
      phase = phase("catalog", phase);
      ownerNetwork = OwnerNetwork.start(catalogPort, options.seed());
      started.add(ownerNetwork);
      if (options.products() > 0) {
        seed(admin(), options.products(), options.seed());
      }
      technique.prepare(database);
      phase = phase("seed", phase);
      Technique.Owner owner =
          new Technique.Owner(
              ownerNetwork.httpUrl(),
              ownerNetwork.grpcTarget(),
              database,
              kafka == null ? null : kafka.bootstrapServers());
      this.owner = owner;
      checkout = startCheckout(checkoutPort, options.extraCheckoutArgs(), "checkout.log");
      phase("checkout", phase);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private long phase(String name, long since) {
    long now = System.nanoTime();
    startPhases.put(name, Math.round((now - since) / 1e8) / 10.0);
    return now;
  }

  /**
   * How long each step of the start took, in seconds, in order: catalog up and ready, seeded and
   * prepared, checkout up and ready.
   */
  public Map<String, Double> startPhases() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(startPhases));
  }

  private List<String> catalogArgs(Technique technique, @Nullable KafkaCluster kafka) {
    List<String> args = new ArrayList<>();
    if (kafka != null) {
      args.addAll(List.of("--kafka", kafka.bootstrapServers()));
    }
    if (technique.joinsCluster()) {
      args.addAll(clusterArgs());
    }
    return args;
  }

  /**
   * A new member's cluster flags: a port of its own and every member so far to join (catalog's and
   * the first checkout's from the start), in a cluster named for this scenario alone.
   */
  private List<String> clusterArgs() {
    if (clusterPorts.isEmpty()) {
      // catalog's and the first checkout's: a catalog restarted later finds the checkout
      clusterPorts.add(Ports.free());
      clusterPorts.add(Ports.free());
    }
    int port;
    if (clusterMembersStarted < 2) {
      port = clusterPorts.get(clusterMembersStarted);
    } else {
      port = Ports.free();
      clusterPorts.add(port);
    }
    clusterMembersStarted++;
    List<String> members = clusterPorts.stream().map(p -> "127.0.0.1:" + p).toList();
    return List.of(
        ServiceProcess.CLUSTER_NAME,
        clusterName,
        "--cluster-port",
        Integer.toString(port),
        "--cluster-members",
        String.join(",", members));
  }

  private ServiceProcess startCheckout(int port, List<String> extraArgs, String logName) {
    List<String> args = new ArrayList<>(options.technique().checkoutArgs(owner));
    if (options.technique().joinsCluster()) {
      args.addAll(clusterArgs());
    }
    args.addAll(extraArgs);
    ServiceProcess process =
        Services.checkout(
            options.home(),
            checkoutDb,
            port,
            args,
            options.technique().checkoutEnvironment(owner),
            options.logDir(),
            identities,
            logName);
    started.add(process);
    return process;
  }

  /**
   * Another checkout instance, on its own port, with the technique's flags and {@code extraArgs},
   * on the same database (as a second instance of a deployed service would be), logging to {@code
   * logName}; started and ready. {@link #close()} stops it with the rest.
   */
  public ServiceProcess anotherCheckout(List<String> extraArgs, String logName) {
    return startCheckout(Ports.free(), extraArgs, logName);
  }

  private static void seed(CatalogAdmin admin, int products, long seed) {
    try {
      admin.seed(products, seed);
    } catch (IOException e) {
      throw new UncheckedIOException("seeding catalog failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while seeding", e);
    }
  }

  /**
   * Starts an embedded PostgreSQL server per service ({@code dbUrl} null) or uses the existing
   * database at the admin JDBC URL {@code dbUrl} for both, then both services; waits until they are
   * ready. Closing stops the embedded servers too.
   */
  public static Topology start(
      Options options, @Nullable String dbUrl, @Nullable String kafkaServers) {
    Databases databases =
        dbUrl == null ? Databases.embedded(options.logDir()) : Databases.existing(dbUrl);
    KafkaCluster kafka = null;
    try {
      if (options.technique().needsBroker()) {
        kafka =
            kafkaServers == null
                ? KafkaCluster.start(options.home(), options.logDir(), 1)
                : KafkaCluster.existing(kafkaServers);
      }
      return new Topology(options, databases, kafka, true);
    } catch (RuntimeException e) {
      if (kafka != null) {
        kafka.close();
      }
      databases.close();
      throw e;
    }
  }

  /**
   * Starts both services on {@code databases}, which the caller runs and resets; waits until they
   * are ready.
   */
  public static Topology onDatabases(
      Databases databases, @Nullable KafkaCluster kafka, Options options) {
    if (options.technique().needsBroker() && kafka == null) {
      throw new IllegalArgumentException(options.technique().name() + " needs a broker");
    }
    return new Topology(
        options, databases, options.technique().needsBroker() ? kafka : null, false);
  }

  /** How long the lab's operator and client tokens are valid: longer than any run. */
  private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

  /** Catalog's admin API, as the operator the lab's authority vouches for. */
  public CatalogAdmin admin() {
    return new CatalogAdmin(catalog.url(), adminAuthorization);
  }

  /** The operator's {@code Authorization} header for catalog. */
  public String adminAuthorization() {
    return adminAuthorization;
  }

  /** Checkout as the lab's load client ({@code client:lab}). */
  public Client client() {
    return new Client(checkout.url(), clientAuthorization);
  }

  /** An {@code Authorization} header for checkout as client {@code client:<name>}. */
  public String clientAuthorization(String name) {
    return "Bearer "
        + identities
            .authority(Clock.systemUTC())
            .mint("client:" + name, "checkout", Set.of(Scopes.ORDERS), TOKEN_LIFETIME);
  }

  /** The scenario's keys and trust files (for tests that sign their own tokens). */
  public Provisioning.Provisioned identities() {
    return identities;
  }

  /**
   * The cluster flags of one more member (a port of its own, the members so far, the scenario's
   * cluster name), for a test that joins the replicated cache's cluster itself.
   */
  public List<String> anotherMemberArgs() {
    return clusterArgs();
  }

  /** Where the embedded PostgreSQL's binaries are extracted once per machine. */
  public static Path cache() {
    return Path.of(System.getProperty("user.home"), ".cache", "interservice");
  }

  /** Catalog's database. */
  public ScenarioDatabase catalogDatabase() {
    return catalogDb;
  }

  /** Checkout's database: its own, or catalog's for a technique that shares it. */
  public ScenarioDatabase checkoutDatabase() {
    return checkoutDb;
  }

  public ServiceProcess catalog() {
    return catalog;
  }

  /** The lab's proxies in front of catalog's endpoints, through which checkout reaches it. */
  public OwnerNetwork ownerNetwork() {
    return ownerNetwork;
  }

  public ServiceProcess checkout() {
    return checkout;
  }

  /**
   * The running parts by role, for faults: the database servers the lab runs (one component under
   * both database roles when the technique shares catalog's), catalog and checkout.
   */
  public Map<Component.Role, Component> components() {
    Map<Component.Role, Component> all = new LinkedHashMap<>();
    if (catalogDb.serverPid() >= 0) {
      Component owner = catalogDb.component(Component.Role.OWNER_DATABASE);
      all.put(Component.Role.OWNER_DATABASE, owner);
      all.put(
          Component.Role.CONSUMER_DATABASE,
          checkoutDb == catalogDb ? owner : checkoutDb.component(Component.Role.CONSUMER_DATABASE));
    }
    all.put(Component.Role.OWNER, catalog);
    all.put(Component.Role.CONSUMER, checkout);
    if (kafka != null && kafka.nodes().size() == 1) {
      all.put(Component.Role.BROKER, kafka.nodes().get(0));
    }
    return all;
  }

  /** The database servers' PIDs (none when an existing database is used). */
  public List<Long> postgresPids() {
    return java.util.stream.Stream.of(catalogDb.serverPid(), checkoutDb.serverPid())
        .filter(pid -> pid >= 0)
        .distinct()
        .toList();
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("while stopping: " + e);
      }
    }
    started.clear();
  }

  private static int port(int asked) {
    return asked == 0 ? Ports.free() : asked;
  }
}
