package io.interservice.lab.technique;

import io.interservice.lab.topology.ScenarioDatabase;
import java.util.List;

/**
 * A way for checkout to get catalog's prices, as the lab runs it: how to configure checkout, and
 * what it costs in moving parts and code. Implementations are small immutable classes.
 */
public interface Technique {

  /** The name used by {@code --techniques} and by checkout's {@code --technique}. */
  String name();

  /** One line for the report. */
  String summary();

  /** Flags given to checkout. */
  List<String> checkoutArgs();

  /** Prepares the database once catalog has created its tables, before checkout starts. */
  default void prepare(ScenarioDatabase database) {}

  /** What must run and be operated for it. */
  MovingParts movingParts();

  /** The repository-relative source files specific to this technique, for its line count. */
  List<String> sources();

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
