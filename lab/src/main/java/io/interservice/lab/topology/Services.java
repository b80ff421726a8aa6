package io.interservice.lab.topology;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts catalog and checkout against the scenario's database, each as its own JVM. */
public final class Services {
  private Services() {}

  /** Catalog, connecting as role {@code catalog}. */
  public static ServiceProcess catalog(Path home, ScenarioDatabase db, int port, Path logDir) {
    return ServiceProcess.start(
        home,
        "catalog",
        "io.interservice.catalog.CatalogMain",
        dbArgs(db, ScenarioDatabase.CATALOG),
        port,
        logDir.resolve("catalog.log"));
  }

  /** Checkout, connecting as role {@code checkout}, asking {@code catalog}; {@code extra} flags. */
  public static ServiceProcess checkout(
      Path home, ScenarioDatabase db, int port, URI catalog, List<String> extra, Path logDir) {
    List<String> args = new ArrayList<>(dbArgs(db, ScenarioDatabase.CHECKOUT));
    args.addAll(List.of("--catalog-url", catalog.toString()));
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
