package io.interservice.catalog;

import io.interservice.owner.outbox.OutboxSink;
import io.interservice.service.Api;
import io.interservice.service.Metrics;
import io.interservice.service.ServiceMain;
import io.interservice.service.Settings;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Something catalog offers its readers beyond its core API (products and {@code GET /prices}),
 * started only when {@code --features} names it: one small class each, listed in {@link
 * OwnerFeatures}.
 */
interface OwnerFeature {

  /** The name {@code --features} takes. */
  String name();

  /** The flags it reads. */
  Set<String> flags();

  /** Whether catalog must record its price changes in the outbox for it. */
  default boolean usesOutbox() {
    return false;
  }

  /**
   * Starts it: adds its routes to {@code api}, and says what it hands the relay and what to stop.
   */
  Started start(Context context) throws Exception;

  /** What a feature is started with. */
  record Context(
      Settings settings,
      DataSource db,
      ProductStore store,
      Api api,
      Metrics metrics,
      String host,
      ServiceMain.Identity identity) {}

  /**
   * A started feature.
   *
   * @param sinks where the outbox relay hands catalog's committed changes for it
   * @param stop stops what it runs
   * @param watermarkInterval how often the relay must hand its sinks a watermark, or null for never
   */
  record Started(
      List<OutboxSink> sinks,
      AutoCloseable stop,
      java.time.@org.jspecify.annotations.Nullable Duration watermarkInterval) {
    Started(List<OutboxSink> sinks, AutoCloseable stop) {
      this(sinks, stop, null);
    }

    static Started routesOnly() {
      return new Started(List.of(), () -> {});
    }
  }
}
