package io.interservice.access.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One item of a change feed: a key's new value, its deletion, or a watermark. A replica applies
 * changes by version, so a feed may repeat, replay or reorder them.
 */
public sealed interface Change<K, V> {

  /**
   * Version {@code version} of {@code key} is {@code value}, current since {@code asOf} (owner
   * time).
   */
  record Upsert<K, V>(K key, V value, long version, Instant asOf) implements Change<K, V> {
    /** Validates the fields. */
    public Upsert {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(asOf, "asOf");
      if (version < 0) {
        throw new IllegalArgumentException("version must be >= 0, was " + version);
      }
    }
  }

  /** {@code key} was deleted at version {@code version}: a tombstone older versions cannot undo. */
  record Delete<K, V>(K key, long version, Instant asOf) implements Change<K, V> {
    /** Validates the fields. */
    public Delete {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(asOf, "asOf");
    }
  }

  /** Every change the owner committed before {@code completeUpTo} is ahead of this in the feed. */
  record Watermark<K, V>(Instant completeUpTo) implements Change<K, V> {
    /** Validates the field. */
    public Watermark {
      Objects.requireNonNull(completeUpTo, "completeUpTo");
    }
  }
}
