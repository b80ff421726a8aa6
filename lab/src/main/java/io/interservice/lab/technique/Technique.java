package io.interservice.lab.technique;

import io.interservice.lab.topology.ScenarioDatabase;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A way for checkout to get catalog's prices, as the lab runs it: how to configure checkout, and
 * what it costs in moving parts and code. Implementations are small immutable classes.
 */
public interface Technique {

  /** The name used by {@code --techniques} and by checkout's {@code --technique}. */
  String name();

  /** One line for the report. */
  String summary();

  /** Whether it needs a message broker: the lab starts one (or uses {@code --kafka}). */
  default boolean needsBroker() {
    return false;
  }

  /**
   * Whether catalog and checkout are members of a cluster (the replicated cache): the lab gives
   * each a cluster port and the members to join.
   */
  default boolean joinsCluster() {
    return false;
  }

  /**
   * Whether checkout accepts orders as pending ({@code 202}) and settles them later: the lab then
   * measures latency until the order is confirmed, and counts orders left pending.
   */
  default boolean asynchronous() {
    return false;
  }

  /** The owner features catalog must start for it ({@code --features}). */
  default List<String> catalogFeatures() {
    return List.of();
  }

  /** Flags given to checkout, which reaches the owner at {@code owner}. */
  List<String> checkoutArgs(Owner owner);

  /** Secrets checkout needs beyond its own database's, as environment variables. */
  default java.util.Map<String, String> checkoutEnvironment(Owner owner) {
    return java.util.Map.of();
  }

  /**
   * The owner's requests this technique makes, as {@code METHOD /route} (catalog's route
   * templates), {@code gRPC Method} or {@code counter <prometheus counter>} (requests over a
   * broker): what the lab counts as owner requests. An allowlist, so that the lab's own requests
   * (price changes, seeding, metrics) never count.
   */
  Set<String> ownerEndpoints();

  /**
   * Whether checkout uses catalog's database server instead of its own: the techniques that share
   * the owner's data store on purpose.
   */
  default boolean sharesOwnerDatabase() {
    return false;
  }

  /** Prepares the database once catalog has created its tables, before checkout starts. */
  default void prepare(ScenarioDatabase database) {}

  /**
   * Whether checkout's copy fills from the orders themselves (a cache filled on reads): a fresh
   * start's compile step then orders the first 10 products only and leaves the fill to the warm-up,
   * which measures it as after any start and ends once it has settled. The other techniques'
   * compile step orders carts drawn as the load's, so that the paths the load takes are compiled
   * before it.
   */
  default boolean fillsOnReads() {
    return false;
  }

  /**
   * The period of the technique's own recurring work that a run's figures see (a cache's refreshes,
   * which come in waves after its fill), or zero for none. A {@code steady} window is at least two
   * of them long (but with {@code --quick}), so that each of its halves holds one: in a shorter
   * window the halves differ by where the cycle falls, and the run is rightly flagged as not
   * stationary.
   */
  default Duration cycle() {
    return Duration.ZERO;
  }

  /** What must run and be operated for it. */
  MovingParts movingParts();

  /** The repository-relative source files specific to this technique, for its line count. */
  List<String> sources();

  /**
   * Where checkout reaches the owner.
   *
   * @param http catalog's HTTP base URL (through the lab's proxy)
   * @param grpc catalog's gRPC {@code host:port} (through the lab's proxy)
   * @param database the scenario's database, for the techniques that read it
   * @param kafka the brokers' bootstrap servers, for the techniques that need them (else null)
   */
  record Owner(
      URI http,
      String grpc,
      ScenarioDatabase database,
      @org.jspecify.annotations.Nullable String kafka) {}

  /**
   * What a technique needs beyond the two services.
   *
   * @param processes processes that must run (services, brokers, relays)
   * @param infrastructure shared infrastructure (database server, broker, cache cluster)
   * @param endpoints network endpoints involved in getting a price
   * @param topics broker topics
   */
  record MovingParts(
      int processes, List<String> infrastructure, List<String> endpoints, List<String> topics) {}
}
