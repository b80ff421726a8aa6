package io.interservice.access;

import java.util.Set;

/**
 * Reads values owned by another service. Implementations are thread-safe. A reader that owns
 * threads or connections (a replica's feed, a subscription) stops them on {@link #close()}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface Reader<K, V> extends AutoCloseable {

  /**
   * Reads the values of {@code keys} in as few owner requests as the technique allows.
   *
   * @throws IllegalArgumentException if {@code keys} is empty
   */
  Read<K, V> read(Set<K> keys);

  /** Counters since the reader was built; a snapshot, safe to call at any time. */
  ReaderStats stats();

  /** Whether the reader can serve now (a replica: once bootstrapped); true by default. */
  default boolean ready() {
    return true;
  }

  /** Stops what the reader runs; reads after it are unspecified. Does nothing by default. */
  @Override
  default void close() {}
}
