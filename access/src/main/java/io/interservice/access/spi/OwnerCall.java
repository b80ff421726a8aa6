package io.interservice.access.spi;

import io.interservice.access.Read;
import java.time.Duration;
import java.util.Set;

/**
 * One batched request to the owner: the transport a technique uses (HTTP, gRPC, ...). The library
 * wraps it in its resilience policies; an implementation only makes the call.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface OwnerCall<K, V> {

  /**
   * Asks the owner for the values of {@code keys}, giving up after {@code timeout}.
   *
   * @return what the owner found, and the keys it does not know
   * @throws OwnerRejectedException when the owner refuses the request itself (never retried)
   * @throws Exception on any other failure (retried within the policy)
   */
  Read.Found<K, V> fetch(Set<K> keys, Duration timeout) throws Exception;
}
