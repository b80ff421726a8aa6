package io.interservice.access.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.access.Read;
import io.interservice.access.Source;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalCopyTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private final LocalCopy<Integer> copy = new LocalCopy<>("catalog");

  private int value(String key) {
    return ((Read.Found<String, Integer>) copy.read(Set.of(key))).values().get(key).value();
  }

  @Test
  void readsAreUnavailableUntilTheCopyIsReady() {
    copy.apply("A", 1, 1, T);
    assertThat(copy.read(Set.of("A"))).isInstanceOf(Read.Unavailable.class);
    copy.markReady();
    assertThat(copy.read(Set.of("A"))).isInstanceOf(Read.Found.class);
  }

  @Test
  void olderAndRepeatedVersionsChangeNothing() {
    copy.markReady();
    assertThat(copy.apply("A", 500, 5, T)).isTrue();
    assertThat(copy.apply("A", 400, 4, T)).isFalse();
    assertThat(copy.apply("A", 999, 5, T)).isFalse();
    assertThat(value("A")).isEqualTo(500);
    assertThat(copy.apply("A", 600, 6, T)).isTrue();
    assertThat(value("A")).isEqualTo(600);
    assertThat(copy.appliedAndIgnored()).containsExactly(2, 2);
  }

  @Test
  void valuesCarryTheirVersionAndSourceAndMissingKeysAreUnknown() {
    copy.markReady();
    copy.apply("A", 1, 3, T);
    Read.Found<String, Integer> found = (Read.Found<String, Integer>) copy.read(Set.of("A", "B"));
    assertThat(found.values().get("A").provenance().version()).isEqualTo(3);
    assertThat(found.values().get("A").provenance().source()).isEqualTo(Source.REPLICA);
    assertThat(found.unknown()).containsExactly("B");
  }

  @Test
  void checksumsAgreeWithTheSameEntriesComputedElsewhere() {
    copy.apply("A", 1, 3, T);
    copy.apply("B", 1, 7, T);
    long[][] ours = copy.checksums(8);
    long[][] theirs = Buckets.sums(java.util.Map.of("B", 7L, "A", 3L).entrySet(), 8);
    assertThat(ours).isDeepEqualTo(theirs);
    copy.apply("B", 1, 8, T);
    assertThat(java.util.Arrays.deepEquals(copy.checksums(8), theirs)).isFalse();
  }

  @Test
  void aSignatureVerifiesOnlyWithTheSameSecretAndBody() {
    byte[] body = "{\"sku\":\"A\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String sig = Signatures.sign("s3cret", body);
    assertThat(Signatures.verify("s3cret", body, sig)).isTrue();
    assertThat(Signatures.verify("other", body, sig)).isFalse();
    assertThat(
            Signatures.verify(
                "s3cret", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), sig))
        .isFalse();
  }
}
