package io.interservice.access;

import java.util.regex.Pattern;

/**
 * Where a value came from when a reader returned it: a short lower-case name, recorded with the
 * value (an order line stores it). The constants name what the library's readers return; a
 * technique of its own may say what it is with {@link #of(String)}, such as {@code data-domain}.
 *
 * @param name lower-case letters, digits and dashes, 1 to 40 of them
 */
public record Source(String name) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** Asked of the owner, synchronously, for this read. */
  public static final Source OWNER = new Source("owner");

  /** Read from the owner's tables in a database both services share. */
  public static final Source SHARED_DB = new Source("shared-db");

  /** A local cache filled from the owner. */
  public static final Source CACHE = new Source("cache");

  /** A local replica fed by the owner's changes. */
  public static final Source REPLICA = new Source("replica");

  /** A replica read while its watermark was within the reader's staleness bound. */
  public static final Source BOUNDED_REPLICA = new Source("bounded-replica");

  /**
   * A replica read past the reader's staleness bound because the owner could not answer (a bounded
   * reader's serve-stale policy).
   */
  public static final Source BEYOND_BOUND = new Source("beyond-bound");

  /** An in-process cache replicated between the owner and its readers. */
  public static final Source REPLICATED_CACHE = new Source("replicated-cache");

  /** Validates the name. */
  public Source {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a source is 1 to 40 lower-case letters, digits or dashes, starting with a letter; was '"
              + name
              + "'");
    }
  }

  /** The source called {@code name}. */
  public static Source of(String name) {
    return new Source(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
