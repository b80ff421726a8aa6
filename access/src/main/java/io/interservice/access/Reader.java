package io.interservice.access;

import java.util.Set;

/**
 * Reads values owned by another service. Implementations are thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface Reader<K, V> {

  /**
   * Reads the values of {@code keys} in as few owner requests as the technique allows.
   *
   * @throws IllegalArgumentException if {@code keys} is empty
   */
  Read<K, V> read(Set<K> keys);

  /** Counters since the reader was built; a snapshot, safe to call at any time. */
  ReaderStats stats();
}
