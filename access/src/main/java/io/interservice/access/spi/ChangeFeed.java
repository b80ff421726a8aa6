package io.interservice.access.spi;

/**
 * A stream of the owner's changes that keeps a replica current: the push endpoint, a broker
 * consumer, a cluster listener. The replica starts it once and closes it when it is closed.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ChangeFeed<K, V> extends AutoCloseable {

  /**
   * Starts feeding {@code sink}, on the feed's own threads; returns at once. The feed calls {@link
   * ReplicaSink#bootstrapped()} once the replica holds everything the owner had when it began.
   */
  void start(ReplicaSink<K, V> sink);

  /** Stops the feed's threads and connections. */
  @Override
  void close();
}
