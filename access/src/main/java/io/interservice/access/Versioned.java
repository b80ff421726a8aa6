package io.interservice.access;

import java.util.Objects;

/**
 * A value owned elsewhere together with its provenance.
 *
 * @param value the value as the owner defined it
 * @param provenance its version, freshness and source
 */
public record Versioned<V>(V value, Provenance provenance) {

  /** Validates the fields. */
  public Versioned {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(provenance, "provenance");
  }
}
