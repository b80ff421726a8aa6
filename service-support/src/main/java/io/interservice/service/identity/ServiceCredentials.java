package io.interservice.service.identity;

import io.interservice.protocol.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service's own credentials: tokens it signs for itself ({@code iss} = {@code sub} = its name)
 * for each audience, with the scopes it asks for, valid {@link #LIFETIME}, reused until {@link
 * #RENEW_BEFORE} before they expire. Thread-safe.
 */
public final class ServiceCredentials implements Credentials {
  /** How long a service's token is valid. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  /** How long before its expiry a token is replaced. */
  static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

  private record Minted(String header, Instant renewAt) {}

  private final Signer signer;
  private final Set<String> scopes;
  private final Clock clock;
  private final ConcurrentHashMap<String, Minted> byAudience = new ConcurrentHashMap<>();

  /** Credentials signed by {@code signer}, asking for {@code scopes}. */
  public ServiceCredentials(Signer signer, Set<String> scopes, Clock clock) {
    this.signer = signer;
    this.scopes = Set.copyOf(scopes);
    this.clock = clock;
  }

  @Override
  public String authorization(String audience) {
    Instant now = clock.instant();
    return byAudience
        .compute(
            audience,
            (a, m) ->
                m != null && now.isBefore(m.renewAt())
                    ? m
                    : new Minted(
                        "Bearer " + signer.mint(signer.name(), a, scopes, LIFETIME),
                        now.plus(LIFETIME).minus(RENEW_BEFORE)))
        .header();
  }
}
