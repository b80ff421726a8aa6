package io.interservice.access;

/** What a bounded reader does with a read past its bound when the owner cannot answer it. */
public enum BoundPolicy {
  /** Answer {@link Read.Unavailable}: the caller says 503 with {@code Retry-After}. */
  REJECT,
  /** Serve the replica's values, their provenance saying they are beyond the bound. */
  SERVE_STALE,
  /**
   * Wait (up to a limit) for the replica's watermark to come back within the bound, then reject.
   */
  WAIT
}
