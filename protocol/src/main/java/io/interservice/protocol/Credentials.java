package io.interservice.protocol;

/**
 * How a service proves who it is on a call to another: the value of the {@code Authorization}
 * header for a call to {@code audience} (the other service's name). Implementations mint
 * short-lived signed tokens and are thread-safe.
 */
@FunctionalInterface
public interface Credentials {
  /**
   * The {@code Authorization} header value (for example {@code Bearer eyJ...}) for {@code
   * audience}.
   */
  String authorization(String audience);
}
