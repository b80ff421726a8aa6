package io.interservice.lab.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
      boolean labMode) {
    List<String> args = new ArrayList<>(dbArgs(db, ScenarioDatabase.CATALOG));
    if (!features.isEmpty()) {
      args.addAll(List.of("--features", String.join(",", features)));
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
        port,
        logDir.resolve("catalog.log"));
  }

  /** Where a catalog started on {@code httpPort} serves gRPC. */
  public static int grpcPort(int httpPort) {
    return httpPort + GRPC_OFFSET;
  }

  /** Checkout, connecting as role {@code checkout}, with the technique's {@code args}. */
  public static ServiceProcess checkout(
      Path home, ScenarioDatabase db, int port, List<String> args, Path logDir) {
    List<String> all = new ArrayList<>(dbArgs(db, ScenarioDatabase.CHECKOUT));
    all.addAll(args);
    return ServiceProcess.start(
        home,
        "checkout",
        "io.interservice.checkout.CheckoutMain",
        all,
        port,
        logDir.resolve("checkout.log"));
  }

  private static List<String> dbArgs(ScenarioDatabase db, String role) {
    return List.of(
        "--db-url", db.serviceUrl(),
        "--db-user", role,
        "--db-password", ScenarioDatabase.password(role));
  }
}
