package io.interservice.lab.topology;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts catalog and checkout against the scenario's database, each as its own JVM. */
public final class Services {
  /** catalog's gRPC port is its HTTP port plus this. */
  public static final int GRPC_OFFSET = 1000;

  private Services() {}

  /**
   * Catalog, connecting as role {@code catalog}, serving HTTP on {@code port} and gRPC on {@code
   * port + 1000}.
   */
  public static ServiceProcess catalog(Path home, ScenarioDatabase db, int port, Path logDir) {
    List<String> args = new ArrayList<>(dbArgs(db, ScenarioDatabase.CATALOG));
    args.addAll(List.of("--grpc-port", Integer.toString(grpcPort(port))));
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

  /** Checkout, connecting as role {@code checkout}, asking {@code catalog}; {@code extra} flags. */
  public static ServiceProcess checkout(
      Path home, ScenarioDatabase db, int port, URI catalog, List<String> extra, Path logDir) {
    List<String> args = new ArrayList<>(dbArgs(db, ScenarioDatabase.CHECKOUT));
    args.addAll(List.of("--catalog-url", catalog.toString()));
    args.addAll(List.of("--catalog-grpc", catalog.getHost() + ":" + grpcPort(catalog.getPort())));
    args.addAll(
        List.of(
            "--shared-db-user",
            ScenarioDatabase.CHECKOUT_SHARED,
            "--shared-db-password",
            ScenarioDatabase.password(ScenarioDatabase.CHECKOUT_SHARED)));
    args.addAll(extra);
    return ServiceProcess.start(
        home,
        "checkout",
        "io.interservice.checkout.CheckoutMain",
        args,
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
