package io.interservice.service.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Whatever arrives as an {@code Authorization} header, the trust either proves a caller from it
 * (never, for bytes a fuzzer made) or refuses it with 401 or 403: never another exception. The
 * saved inputs replay in every test run.
 */
class TrustFuzzTest {
  private static final Trust TRUST;

  static {
    try {
      Path dir = Files.createTempDirectory("trust-fuzz");
      TRUST =
          Trust.load(
              Provisioning.scenario(dir.resolve("ids")).trust("catalog"),
              "catalog",
              Clock.systemUTC());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void anAuthorizationHeaderProvesNobodyOrIsRefused(byte[] bytes) {
    String header = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    try {
      TRUST.verify(header, Scopes.PRICES_READ);
      throw new AssertionError("a fuzzed header proved a caller: " + header);
    } catch (Denied e) {
      assertThat(e.status()).isIn(401, 403);
    }
  }
}
