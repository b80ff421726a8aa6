package io.interservice.service.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a service trusts: for each principal that may call it, its public keys (several during a
 * rotation) and the scopes it grants. A {@code service} principal vouches only for itself; an
 * {@code authority} vouches for operators and clients (never for a service). Tokens must be ES256
 * (no other algorithm, never {@code none}), for this service's audience, unexpired (with {@link
 * #SKEW} of clock error allowed) and no longer-lived than the principal's kind allows. Immutable.
 *
 * <p>A trust file: {@code {"principals": [{"name": "checkout", "kind": "service", "scopes":
 * ["prices:read"], "keys": [<EC P-256 public JWK>, ...]}, ...]}}.
 */
public final class Trust {
  /** The clock error allowed between the token's signer and this service. */
  public static final Duration SKEW = Duration.ofSeconds(30);

  /** The longest-lived token a service may sign for itself. */
  public static final Duration SERVICE_MAX_LIFETIME = Duration.ofMinutes(10);

  /** The longest-lived token the authority may sign for an operator or a client. */
  public static final Duration AUTHORITY_MAX_LIFETIME = Duration.ofHours(24);

  private static final int MAX_TOKEN = 4096;
  private static final Pattern SUBJECT = Pattern.compile("[a-z][a-z0-9._:-]{0,63}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A principal's kind: whom it may vouch for. */
  public enum Kind {
    SERVICE,
    AUTHORITY
  }

  record Principal(String name, Kind kind, Set<String> scopes, Map<String, ECKey> keys) {}

  private final String audience;
  private final Map<String, Principal> principals;
  private final Clock clock;
  private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** How many verified tokens are remembered before the memory starts over. */
  private static final int REMEMBERED = 10_000;

  Trust(String audience, List<Principal> principals, Clock clock) {
    this.audience = audience;
    Map<String, Principal> byName = new HashMap<>();
    principals.forEach(p -> byName.put(p.name(), p));
    this.principals = Map.copyOf(byName);
    this.clock = clock;
  }

  /**
   * The trust file at {@code file}, for a service named {@code audience}.
   *
   * @throws IllegalArgumentException when it is missing or malformed
   */
  public static Trust load(Path file, String audience, Clock clock) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("the trust file " + file + " does not exist");
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      List<Principal> principals = new java.util.ArrayList<>();
      for (JsonNode p : root.path("principals")) {
        Map<String, ECKey> keys = new HashMap<>();
        for (JsonNode k : p.path("keys")) {
          ECKey key = ECKey.parse(k.toString());
          if (key.isPrivate() || !Curve.P_256.equals(key.getCurve()) || key.getKeyID() == null) {
            throw new IllegalArgumentException(
                "keys in a trust file are public P-256 keys with a kid");
          }
          keys.put(key.getKeyID(), key);
        }
        Set<String> scopes = new HashSet<>();
        p.path("scopes").forEach(s -> scopes.add(s.asText()));
        principals.add(
            new Principal(
                p.path("name").asText(),
                Kind.valueOf(p.path("kind").asText().toUpperCase(java.util.Locale.ROOT)),
                scopes,
                Map.copyOf(keys)));
      }
      if (principals.isEmpty()) {
        throw new IllegalArgumentException("it names no principal");
      }
      return new Trust(audience, principals, clock);
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the trust file " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  /** This service's name, the audience its callers' tokens must name. */
  public String audience() {
    return audience;
  }

  /**
   * The caller that {@code authorization} (an {@code Authorization} header value) proves, if it may
   * use {@code scope}.
   *
   * @throws Denied 401 when it proves nobody, 403 when its caller may not use {@code scope}
   */
  public Caller verify(@Nullable String authorization, String scope) throws Denied {
    Caller caller = remembered(authorization);
    if (!caller.scopes().contains(scope)) {
      throw Denied.forbidden(caller.subject() + " may not use scope " + scope);
    }
    return caller;
  }

  /**
   * The caller of a token verified before and not expired yet (a signature is checked once per
   * token, not once per call: a service's token serves 4 minutes of calls), else verified now.
   */
  private Caller remembered(@Nullable String authorization) throws Denied {
    if (authorization == null) {
      return authenticate(null).caller();
    }
    Verified v = verified.get(authorization);
    Instant now = clock.instant();
    if (v != null && now.isBefore(v.expires().plus(SKEW))) {
      return v.caller();
    }
    Verified fresh = authenticate(authorization);
    if (verified.size() >= REMEMBERED) {
      verified.clear();
    }
    verified.put(authorization, fresh);
    return fresh.caller();
  }

  private record Verified(Caller caller, Instant expires) {}

  /** Verifies the token and says until when its verdict holds (its expiry). */
  private Verified authenticate(@Nullable String authorization) throws Denied {
    if (authorization == null || authorization.isBlank()) {
      throw Denied.unauthenticated("no credentials: send Authorization: Bearer <token>");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || authorization.length() > MAX_TOKEN) {
      throw Denied.unauthenticated("the Authorization header must be a Bearer token");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(authorization.substring(7).trim());
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      throw Denied.unauthenticated("the token is not a signed JWT");
    }
    if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
      throw Denied.unauthenticated("only ES256 tokens are accepted");
    }
    Principal principal = claims.getIssuer() == null ? null : principals.get(claims.getIssuer());
    if (principal == null) {
      throw Denied.unauthenticated("the token's issuer is not trusted");
    }
    ECKey key =
        jwt.getHeader().getKeyID() == null
            ? null
            : principal.keys().get(jwt.getHeader().getKeyID());
    if (key == null) {
      throw Denied.unauthenticated("the token's key is not one of its issuer's");
    }
    try {
      if (!jwt.verify(new ECDSAVerifier(key))) {
        throw Denied.unauthenticated("the token's signature is not valid");
      }
    } catch (JOSEException e) {
      throw Denied.unauthenticated("the token's signature cannot be checked");
    }
    checkTimes(claims, principal.kind());
    if (claims.getAudience() == null || !claims.getAudience().equals(List.of(audience))) {
      throw Denied.unauthenticated("the token is not for " + audience);
    }
    String subject = claims.getSubject() == null ? "" : claims.getSubject();
    if (principal.kind() == Kind.SERVICE
        ? !subject.equals(principal.name())
        : !SUBJECT.matcher(subject).matches() || principals.containsKey(subject)) {
      throw Denied.unauthenticated(principal.name() + " may not vouch for '" + subject + "'");
    }
    Object scope = claims.getClaim("scope");
    Set<String> scopes =
        scope instanceof String s && !s.isBlank() ? Set.of(s.trim().split(" +")) : Set.of();
    for (String s : scopes) {
      if (!principal.scopes().contains(s)) {
        throw Denied.forbidden(principal.name() + " may not grant scope " + s);
      }
    }
    return new Verified(
        new Caller(principal.name(), subject, scopes), claims.getExpirationTime().toInstant());
  }

  private void checkTimes(JWTClaimsSet claims, Kind kind) throws Denied {
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null || iat == null) {
      throw Denied.unauthenticated("the token needs iat and exp");
    }
    Instant now = clock.instant();
    if (!now.isBefore(exp.toInstant().plus(SKEW))) {
      throw Denied.unauthenticated("the token has expired");
    }
    if (iat.toInstant().isAfter(now.plus(SKEW))
        || (claims.getNotBeforeTime() != null
            && claims.getNotBeforeTime().toInstant().isAfter(now.plus(SKEW)))) {
      throw Denied.unauthenticated("the token is not valid yet");
    }
    Duration longest = kind == Kind.SERVICE ? SERVICE_MAX_LIFETIME : AUTHORITY_MAX_LIFETIME;
    if (Duration.between(iat.toInstant(), exp.toInstant()).compareTo(longest) > 0) {
      throw Denied.unauthenticated("the token lives longer than its issuer may sign for");
    }
  }
}
