package io.interservice.service.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustTest {
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;
  private Provisioning.Provisioned ids;
  private Trust catalog;
  private Signer checkout;
  private Signer authority;

  @BeforeEach
  void provision() {
    ids = Provisioning.scenario(dir.resolve("ids"));
    catalog = Trust.load(ids.trust("catalog"), "catalog", clock);
    checkout = Signer.load(ids.key("checkout"), clock);
    authority = ids.authority(clock);
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private String checkoutToken(String audience, Duration ttl, String... scopes) {
    return bearer(checkout.mint("checkout", audience, Set.of(scopes), ttl));
  }

  private int refusal(String authorization, String scope) {
    try {
      catalog.verify(authorization, scope);
      return 200;
    } catch (Denied e) {
      return e.status();
    }
  }

  @Test
  void aServiceTokenForThisAudienceAndAGrantedScopeProvesItsCaller() throws Denied {
    Caller caller =
        catalog.verify(
            checkoutToken("catalog", Duration.ofMinutes(5), Scopes.PRICES_READ),
            Scopes.PRICES_READ);

    assertThat(caller.subject()).isEqualTo("checkout");
    assertThat(caller.scopes()).containsExactly(Scopes.PRICES_READ);
  }

  @Test
  void noTokenAMalformedOneOrAnotherSchemeIsUnauthenticated() {
    assertThat(refusal(null, Scopes.PRICES_READ)).isEqualTo(401);
    assertThat(refusal("", Scopes.PRICES_READ)).isEqualTo(401);
    assertThat(refusal("Bearer not.a.jwt", Scopes.PRICES_READ)).isEqualTo(401);
    assertThat(refusal("Basic Y2hlY2tvdXQ6c2VjcmV0", Scopes.PRICES_READ)).isEqualTo(401);
    assertThat(refusal("Bearer " + "a".repeat(5000), Scopes.PRICES_READ)).isEqualTo(401);
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String none =
        new PlainJWT(claims("checkout", "checkout", "catalog", Scopes.PRICES_READ)).serialize();

    assertThat(refusal(bearer(none), Scopes.PRICES_READ)).isEqualTo(401);
  }

  @Test
  void aTokenSignedWithTheIssuersPublicKeyAsAnHmacSecretIsRefused() throws Exception {
    // the algorithm-confusion attack: HS256 keyed with what the verifier knows
    ECKey publicKey = Signer.load(ids.key("checkout"), clock).publicKey();
    byte[] secret = publicKey.toJSONString().repeat(2).getBytes(StandardCharsets.UTF_8);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(),
            claims("checkout", "checkout", "catalog", Scopes.PRICES_READ));
    jwt.sign(new MACSigner(secret));

    assertThat(refusal(bearer(jwt.serialize()), Scopes.PRICES_READ)).isEqualTo(401);
  }

  @Test
  void aTokenWhoseSignatureWasAlteredIsRefused() {
    String token = checkoutToken("catalog", Duration.ofMinutes(5), Scopes.PRICES_READ);
    String[] parts = token.split("\\.");
    String widened =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("prices:read", "catalog:admin")
                    .getBytes(StandardCharsets.UTF_8));

    assertThat(refusal(parts[0] + "." + widened + "." + parts[2], Scopes.CATALOG_ADMIN))
        .isEqualTo(401);
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    assertThat(
            refusal(
                checkoutToken("checkout", Duration.ofMinutes(5), Scopes.PRICES_READ),
                Scopes.PRICES_READ))
        .isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsRefusedOnceTheAllowedSkewHasPassed() {
    Signer past =
        Signer.load(ids.key("checkout"), Clock.fixed(NOW.minusSeconds(340), ZoneOffset.UTC));
    Signer barely =
        Signer.load(ids.key("checkout"), Clock.fixed(NOW.minusSeconds(320), ZoneOffset.UTC));

    String expired =
        bearer(past.mint("checkout", "catalog", Set.of(Scopes.PRICES_READ), Duration.ofMinutes(5)));
    String withinSkew =
        bearer(
            barely.mint("checkout", "catalog", Set.of(Scopes.PRICES_READ), Duration.ofMinutes(5)));

    assertThat(refusal(expired, Scopes.PRICES_READ)).isEqualTo(401);
    assertThat(refusal(withinSkew, Scopes.PRICES_READ)).isEqualTo(200);
  }

  @Test
  void aTokenIssuedInTheFutureOrLivingTooLongIsRefused() {
    Signer ahead =
        Signer.load(ids.key("checkout"), Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC));

    assertThat(
            refusal(
                bearer(
                    ahead.mint(
                        "checkout", "catalog", Set.of(Scopes.PRICES_READ), Duration.ofMinutes(5))),
                Scopes.PRICES_READ))
        .isEqualTo(401);
    assertThat(
            refusal(
                checkoutToken("catalog", Duration.ofHours(1), Scopes.PRICES_READ),
                Scopes.PRICES_READ))
        .isEqualTo(401);
  }

  @Test
  void aServiceMayVouchOnlyForItself() {
    String asCatalog =
        bearer(
            checkout.mint("catalog", "catalog", Set.of(Scopes.PRICES_READ), Duration.ofMinutes(5)));

    assertThat(refusal(asCatalog, Scopes.PRICES_READ)).isEqualTo(401);
  }

  @Test
  void theAuthorityVouchesForOperatorsButNeverForAService() {
    String operator =
        bearer(
            authority.mint(
                "operator", "catalog", Set.of(Scopes.CATALOG_ADMIN), Duration.ofHours(1)));
    String posingAsCheckout =
        bearer(
            authority.mint(
                "checkout", "catalog", Set.of(Scopes.CATALOG_ADMIN), Duration.ofHours(1)));

    assertThat(refusal(operator, Scopes.CATALOG_ADMIN)).isEqualTo(200);
    assertThat(refusal(posingAsCheckout, Scopes.CATALOG_ADMIN)).isEqualTo(401);
  }

  @Test
  void aKeyTheIssuerDoesNotHaveIsRefused() {
    Signer stranger = Provisioning.scenario(dir.resolve("other")).authority(clock);
    String forged =
        bearer(
            stranger.mint(
                "operator", "catalog", Set.of(Scopes.CATALOG_ADMIN), Duration.ofHours(1)));

    assertThat(refusal(forged, Scopes.CATALOG_ADMIN)).isEqualTo(401);
  }

  @Test
  void aKnownCallerWithoutTheRoutesScopeIsForbidden() {
    assertThat(
            refusal(
                checkoutToken("catalog", Duration.ofMinutes(5), Scopes.PRICES_READ),
                Scopes.CATALOG_ADMIN))
        .isEqualTo(403);
  }

  @Test
  void aScopeTheTrustFileDoesNotGrantTheIssuerIsForbiddenEvenIfTheTokenClaimsIt() {
    assertThat(
            refusal(
                checkoutToken("catalog", Duration.ofMinutes(5), Scopes.CATALOG_ADMIN),
                Scopes.CATALOG_ADMIN))
        .isEqualTo(403);
  }

  @Test
  void aKeyFileOthersMayReadIsRefused() throws Exception {
    Path key = ids.key("checkout");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> Signer.load(key, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void serviceCredentialsReuseATokenUntilAMinuteBeforeItExpires() {
    MutableClock time = new MutableClock(NOW);
    ServiceCredentials credentials =
        new ServiceCredentials(
            Signer.load(ids.key("checkout"), time), Set.of(Scopes.PRICES_READ), time);
    String first = credentials.authorization("catalog");

    time.advance(Duration.ofMinutes(3));
    String reused = credentials.authorization("catalog");
    time.advance(Duration.ofMinutes(1).plusSeconds(1));
    String renewed = credentials.authorization("catalog");

    assertThat(reused).isEqualTo(first);
    assertThat(renewed).isNotEqualTo(first);
  }

  @Test
  void aTokenVerifiedOnceStillExpires() throws Denied {
    MutableClock time = new MutableClock(NOW);
    Trust remembering = Trust.load(ids.trust("catalog"), "catalog", time);
    String token =
        bearer(
            Signer.load(ids.key("checkout"), time)
                .mint("checkout", "catalog", Set.of(Scopes.PRICES_READ), Duration.ofMinutes(5)));
    remembering.verify(token, Scopes.PRICES_READ);

    time.advance(Duration.ofMinutes(4));
    Caller stillValid = remembering.verify(token, Scopes.PRICES_READ);
    time.advance(Duration.ofMinutes(2));

    assertThat(stillValid.subject()).isEqualTo("checkout");
    assertThatThrownBy(() -> remembering.verify(token, Scopes.PRICES_READ))
        .isInstanceOf(Denied.class);
    assertThatThrownBy(() -> remembering.verify(token, Scopes.CATALOG_ADMIN))
        .isInstanceOf(Denied.class);
  }

  private static JWTClaimsSet claims(String issuer, String subject, String audience, String scope) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(subject)
        .audience(audience)
        .issueTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plusSeconds(60)))
        .claim("scope", scope)
        .build();
  }

  /** A clock a test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
