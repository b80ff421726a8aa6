package io.interservice.access;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of a read: the values found (and the keys the owner does not know), or the reason the
 * owner's data could not be had. Neither is an exception: handle both with a {@code switch}.
 */
public sealed interface Read<K, V> {

  /**
   * The owner's answer.
   *
   * @param values the values found, by key
   * @param unknown keys the owner does not know (an expected miss, not an error)
   */
  record Found<K, V>(Map<K, Versioned<V>> values, Set<K> unknown) implements Read<K, V> {
    /** Copies the collections (a read's own immutable answer is taken as it is). */
    public Found {
      values =
          values instanceof io.interservice.access.internal.SmallMap<K, Versioned<V>>
              ? values
              : Map.copyOf(values);
      unknown = Set.copyOf(unknown);
    }
  }

  /**
   * The owner's data could not be read within the policy.
   *
   * @param owner the owner's name
   * @param reason why
   * @param detail a human-readable explanation naming what failed
   * @param retryAfter when it is worth asking again
   */
  record Unavailable<K, V>(String owner, Reason reason, String detail, Duration retryAfter)
      implements Read<K, V> {
    /** Validates the fields. */
    public Unavailable {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }

  /** Why a read was {@link Unavailable}. */
  enum Reason {
    /** Every attempt failed or timed out. */
    OWNER_FAILED,
    /** The overall deadline passed before an attempt succeeded. */
    DEADLINE_EXCEEDED,
    /** The circuit breaker is open: the owner was failing and is not asked for now. */
    CIRCUIT_OPEN,
    /** Too many reads are in flight to the owner already. */
    OVERLOADED,
    /** The owner refused the request as invalid; retrying cannot help. */
    REJECTED,
    /** A local copy is not loaded yet: the reader cannot serve before it is. */
    NOT_READY
  }
}
