package io.interservice.service.identity;

/**
 * A call refused: {@code 401} when the caller is not known (no token, a bad or expired one, an
 * unknown issuer or key, another audience), {@code 403} when it is known but not allowed.
 */
public final class Denied extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  Denied(int status, String reason) {
    super(reason, null, false, false);
    this.status = status;
  }

  static Denied unauthenticated(String reason) {
    return new Denied(401, reason);
  }

  static Denied forbidden(String reason) {
    return new Denied(403, reason);
  }

  /** 401 or 403. */
  public int status() {
    return status;
  }
}
