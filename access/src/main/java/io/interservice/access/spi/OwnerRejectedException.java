package io.interservice.access.spi;

/** The owner refused a request as invalid: retrying the same request cannot succeed. */
public final class OwnerRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the owner's explanation. */
  public OwnerRejectedException(String message) {
    super(message);
  }
}
