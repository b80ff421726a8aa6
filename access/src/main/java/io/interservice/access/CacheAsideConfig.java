package io.interservice.access;

import java.time.Duration;
import java.util.Objects;

/**
 * How a cache-aside reader keeps values. Built by {@link CacheAsideBuilder}; immutable.
 *
 * @param fresh how long a loaded value is served without asking the owner (expire-after-write)
 * @param refreshAfter age after which a read still serves the value but reloads it in the
 *     background (refresh-ahead); at most {@code fresh}
 * @param refreshBatch how long keys due for refresh are gathered, across reads, into one background
 *     load (at most 100 keys); zero reloads each read's due keys at once
 * @param maxStale the oldest a value may be served when the owner cannot be asked
 *     (serve-stale-on-error); at least {@code fresh}
 * @param negative how long a key the owner does not know is remembered as unknown
 * @param maximumSize entries kept at most
 */
public record CacheAsideConfig(
    Duration fresh,
    Duration refreshAfter,
    Duration refreshBatch,
    Duration maxStale,
    Duration negative,
    long maximumSize) {

  /** Validates the fields. */
  public CacheAsideConfig {
    Objects.requireNonNull(fresh, "fresh");
    Objects.requireNonNull(refreshAfter, "refreshAfter");
    Objects.requireNonNull(refreshBatch, "refreshBatch");
    Objects.requireNonNull(maxStale, "maxStale");
    Objects.requireNonNull(negative, "negative");
    if (fresh.isNegative() || fresh.isZero()) {
      throw new IllegalArgumentException("fresh must be positive, was " + fresh);
    }
    if (refreshAfter.isNegative() || refreshAfter.compareTo(fresh) > 0) {
      throw new IllegalArgumentException("need 0 <= refreshAfter <= fresh, was " + refreshAfter);
    }
    if (refreshBatch.isNegative()) {
      throw new IllegalArgumentException("refreshBatch must not be negative, was " + refreshBatch);
    }
    if (maxStale.compareTo(fresh) < 0) {
      throw new IllegalArgumentException("need maxStale >= fresh, was " + maxStale);
    }
    if (negative.isNegative()) {
      throw new IllegalArgumentException("negative must not be negative, was " + negative);
    }
    if (maximumSize < 1) {
      throw new IllegalArgumentException("maximumSize must be >= 1, was " + maximumSize);
    }
  }
}
