package io.interservice.service.identity;

import java.util.Set;

/**
 * A verified caller.
 *
 * @param issuer who vouched for it: a service's own name, or the authority's
 * @param subject who it is: a service's name, {@code operator}, or {@code client:<name>}
 * @param scopes what its token allows, a subset of what the called service grants the issuer
 */
public record Caller(String issuer, String subject, Set<String> scopes) {
  /** Copies the scopes. */
  public Caller {
    scopes = Set.copyOf(scopes);
  }
}
