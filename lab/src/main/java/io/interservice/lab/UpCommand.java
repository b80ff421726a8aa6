package io.interservice.lab;

import io.interservice.lab.scenario.CatalogAdmin;
import io.interservice.lab.technique.Technique;
import io.interservice.lab.technique.Techniques;
import io.interservice.lab.topology.Topology;
import io.interservice.service.identity.Provisioning;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code up}: the scenario running in the foreground until Ctrl-C. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start PostgreSQL (embedded unless --db), catalog and checkout as separate processes,",
      "seed products, print the URLs and run until Ctrl-C; then stop everything started."
    })
final class UpCommand implements Callable<Integer> {

  @Option(
      names = "--products",
      defaultValue = "1000",
      description = "products to seed (default ${DEFAULT-VALUE}): SKU-00001, SKU-00002, ...")
  int products;

  @Option(
      names = "--catalog-port",
      defaultValue = "8081",
      description = "catalog's port (default ${DEFAULT-VALUE}; 0 = any free)")
  int catalogPort;

  @Option(
      names = "--checkout-port",
      defaultValue = "8082",
      description = "checkout's port (default ${DEFAULT-VALUE}; 0 = any free)")
  int checkoutPort;

  @Option(
      names = "--db",
      description =
          "an existing PostgreSQL: jdbc:postgresql://host:port/db?user=..&password=.. (a user that may create roles)")
  String db;

  @Option(
      names = "--kafka",
      description =
          "an existing Kafka cluster (host:port,...) instead of the embedded broker, for the techniques that need one")
  @Nullable String kafka;

  @Option(
      names = "--technique",
      defaultValue = "direct",
      description = "how checkout gets prices (default ${DEFAULT-VALUE})")
  String technique;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "seed of the generated prices (default ${DEFAULT-VALUE})")
  long seed;

  private static String bearer(String authorization) {
    return authorization.substring("Bearer ".length());
  }

  @Override
  public Integer call() throws Exception {
    if (products < 1 || products > 1_000_000) {
      System.err.println("--products must be 1 to 1000000, was " + products);
      return 2;
    }
    Technique chosen = Techniques.named(List.of(technique)).get(0);
    Path home = Home.path();
    Path runDir = Home.newRun("-up");
    System.out.println("starting; logs in " + runDir);
    Topology topology =
        Topology.start(
            new Topology.Options(
                home, runDir, catalogPort, checkoutPort, chosen, List.of(), products, seed, false),
            db,
            kafka);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nstopping ...");
                  topology.close();
                  stopped.countDown();
                },
                "stop-topology"));
    System.out.printf(
        "catalog   %s  (pid %d)%ncheckout  %s  (pid %d, technique %s)%nseeded %d products, SKU-00001 .. %s%nCtrl-C stops everything.%n",
        topology.catalog().url(),
        topology.catalog().pid(),
        topology.checkout().url(),
        topology.checkout().pid(),
        technique,
        products,
        CatalogAdmin.sku(products));
    Path tokens = topology.identities().dir();
    Provisioning.writePrivate(
        tokens.resolve("admin.token"), bearer(topology.adminAuthorization()) + "\n");
    Provisioning.writePrivate(
        tokens.resolve("client.token"), bearer(topology.clientAuthorization("alice")) + "\n");
    Provisioning.writePrivate(
        tokens.resolve("client-bob.token"), bearer(topology.clientAuthorization("bob")) + "\n");
    System.out.printf(
        "tokens (valid 12 h, readable by you only) for the walk-through in README.md:%n"
            + "  export ADMIN=$(cat %s) CLIENT=$(cat %s)%n",
        tokens.resolve("admin.token"), tokens.resolve("client.token"));
    System.out.flush();
    stopped.await();
    return 0;
  }
}
