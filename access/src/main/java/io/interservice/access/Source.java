package io.interservice.access;

/** Where a value came from when a reader returned it. */
public enum Source {
  /** Asked of the owner, synchronously, for this read. */
  OWNER,
  /** Read from the owner's tables in a database both services share. */
  SHARED_DB,
  /** A local cache filled from the owner. */
  CACHE,
  /** A local replica fed by the owner's changes. */
  REPLICA,
  /** An in-process cache replicated between the owner and its readers. */
  REPLICATED_CACHE
}
