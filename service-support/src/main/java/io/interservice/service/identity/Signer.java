package io.interservice.service.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A principal's private key, which signs its tokens (ES256). Loaded from a key file that only its
 * owner may read: {@code {"name": ..., "key": <EC P-256 JWK with its private part>}}. Thread-safe.
 */
public final class Signer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final ECKey key;
  private final ECDSASigner signer;
  private final Clock clock;

  Signer(String name, ECKey key, Clock clock) {
    if (!key.isPrivate() || key.getKeyID() == null) {
      throw new IllegalArgumentException(
          "the key of " + name + " needs its private part and a kid");
    }
    this.name = name;
    this.key = key;
    this.clock = clock;
    try {
      this.signer = new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the key of " + name + " cannot sign: " + e.getMessage());
    }
  }

  /**
   * Loads the key file at {@code file}.
   *
   * @throws IllegalArgumentException when it is missing, readable by others, or not a key file
   */
  public static Signer load(Path file, Clock clock) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("the key file " + file + " does not exist");
    }
    try {
      Set<PosixFilePermission> modes = Files.getPosixFilePermissions(file);
      if (modes.stream()
          .anyMatch(m -> m.name().startsWith("GROUP") || m.name().startsWith("OTHERS"))) {
        throw new IllegalArgumentException(
            "the key file "
                + file
                + " may be read by others; make it readable by its owner only (chmod 600)");
      }
      JsonNode root = JSON.readTree(file.toFile());
      return new Signer(
          root.path("name").asText(), ECKey.parse(root.path("key").toString()), clock);
    } catch (IOException | java.text.ParseException e) {
      throw new IllegalArgumentException(
          "the key file " + file + " is not a key file: " + e.getMessage());
    }
  }

  /** The principal this key belongs to. */
  public String name() {
    return name;
  }

  /** The public half, for trust files. */
  ECKey publicKey() {
    return key.toPublicJWK();
  }

  /**
   * A token saying that {@code name()} vouches for {@code subject}, for {@code audience}, with
   * {@code scopes}, valid for {@code ttl} from now.
   */
  public String mint(String subject, String audience, Set<String> scopes, Duration ttl) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(name)
            .subject(subject)
            .audience(audience)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .claim("scope", String.join(" ", new TreeSet<>(scopes)))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing failed", e);
    }
    return jwt.serialize();
  }
}
