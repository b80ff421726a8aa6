package io.interservice.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What is known of a value's freshness: its owner's version, the owner time at which it was known
 * current, where it came from and, where the technique knows it, how stale it may be at most.
 *
 * @param version the owner's version of the value; strictly increasing per key
 * @param asOf owner time at which this version was known to be current
 * @param source where the reader got the value
 * @param stalenessBound upper bound on how far behind the owner the value may be, or {@code null}
 *     when the technique cannot bound it
 */
public record Provenance(
    long version, Instant asOf, Source source, @Nullable Duration stalenessBound) {

  /** Validates the fields. */
  public Provenance {
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0, was " + version);
    }
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(source, "source");
    if (stalenessBound != null && stalenessBound.isNegative()) {
      throw new IllegalArgumentException("stalenessBound must not be negative");
    }
  }

  /** A value read from the owner itself at {@code asOf}: not stale by construction. */
  public static Provenance fromOwner(long version, Instant asOf) {
    return new Provenance(version, asOf, Source.OWNER, Duration.ZERO);
  }

  /** The same facts with another source, as when a cache hands out what it was given. */
  public Provenance withSource(Source newSource, @Nullable Duration newBound) {
    return new Provenance(version, asOf, newSource, newBound);
  }
}
