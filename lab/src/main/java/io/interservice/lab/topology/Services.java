package io.interservice.lab.topology;

import io.interservice.service.identity.Provisioning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts catalog and checkout against the scenario's database, each as its own JVM. */
public final class Services {
  /** catalog's gRPC port is its HTTP port plus this. */
  public static final int GRPC_OFFSET = 1000;

  private Services() {}

  /**
   * Catalog, connecting as role {@code catalog}, serving HTTP on {@code port}, with the owner
   * {@code features} named (gRPC on {@code port + 1000} when {@code grpc} is one) and their {@code
   * extra} flags; {@code labMode} adds its schema-change route, for the lab only.
   */
  public static ServiceProcess catalog(
      Path home,
      ScenarioDatabase db,
      int port,
      Path logDir,
      List<String> features,
      List<String> extra,
      boolean labMode,
      Provisioning.Provisioned identities,
      int checkoutPort) {
    List<String> args = new ArrayList<>(dbArgs(db, ScenarioDatabase.CATALOG));
    args.addAll(identityArgs(identities, ScenarioDatabase.CATALOG));
    if (!features.isEmpty()) {
      args.addAll(List.of("--features", String.join(",", features)));
    }
    if (features.contains("push")) {
      args.addAll(List.of("--push-callbacks", "http://127.0.0.1:" + checkoutPort));
    }
    if (features.contains("grpc")) {
      args.addAll(List.of("--grpc-port", Integer.toString(grpcPort(port))));
    }
    args.addAll(extra);
    if (labMode) {
      args.addAll(List.of("--lab-mode", "on"));
    }
    return ServiceProcess.start(
        home,
        "catalog",
        "io.interservice.catalog.CatalogMain",
        args,
        passwordOf(db, ScenarioDatabase.CATALOG),
        port,
        logDir.resolve("catalog.log"));
  }

  /** Where a catalog started on {@code httpPort} serves gRPC. */
  public static int grpcPort(int httpPort) {
    return httpPort + GRPC_OFFSET;
  }

  /**
   * Checkout, connecting as role {@code checkout}, with the technique's {@code args} and {@code
   * environment}, logging to {@code logName} in {@code logDir}.
   */
  public static ServiceProcess checkout(
      Path home,
      ScenarioDatabase db,
      int port,
      List<String> args,
      Map<String, String> environment,
      Path logDir,
      Provisioning.Provisioned identities,
      String logName) {
    List<String> all = new ArrayList<>(dbArgs(db, ScenarioDatabase.CHECKOUT));
    all.addAll(identityArgs(identities, ScenarioDatabase.CHECKOUT));
    all.addAll(args);
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(passwordOf(db, ScenarioDatabase.CHECKOUT));
    return ServiceProcess.start(
        home,
        "checkout",
        "io.interservice.checkout.CheckoutMain",
        all,
        env,
        port,
        logDir.resolve(logName));
  }

  private static List<String> dbArgs(ScenarioDatabase db, String role) {
    return List.of("--db-url", db.serviceUrl(), "--db-user", role);
  }

  /** The role's password, for the service's environment (never its command line). */
  private static Map<String, String> passwordOf(ScenarioDatabase db, String role) {
    return Map.of(role.toUpperCase(java.util.Locale.ROOT) + "_DB_PASSWORD", db.password(role));
  }

  private static List<String> identityArgs(Provisioning.Provisioned identities, String service) {
    return List.of(
        "--identity-key-file",
        identities.key(service).toString(),
        "--trust-file",
        identities.trust(service).toString());
  }
}
