package io.interservice.lab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TechniquesTest {
  private static final Path HOME = Path.of(System.getProperty("interservice.home", ".."));

  @Test
  void theRegistryHoldsEveryTechniqueCheckoutImplements() {
    assertThat(Techniques.all().stream().map(Technique::name))
        .containsExactly(
            "direct",
            "direct-grpc",
            "cache-aside",
            "shared-db",
            "data-domain",
            "polling",
            "push",
            "events",
            "bounded",
            "replicated-cache",
            "messaging");
  }

  @Test
  void everyTechniqueNamesItselfToCheckoutAndCountsSourcesThatExist() {
    for (Technique t : Techniques.all()) {
      assertThat(
              t.checkoutArgs(
                  new Technique.Owner(
                      URI.create("http://127.0.0.1:1"), "127.0.0.1:2", null, "127.0.0.1:3")))
          .containsSubsequence("--technique", t.name());
      assertThat(t.sources()).isNotEmpty().allSatisfy(f -> assertThat(HOME.resolve(f)).exists());
      assertThat(t.movingParts().processes()).isPositive();
    }
  }

  @Test
  void everyTechniqueHasItsGuide() {
    for (Technique t : Techniques.all()) {
      String guide = t.name().equals("direct-grpc") ? "direct" : t.name();
      assertThat(Files.exists(HOME.resolve("docs/techniques/" + guide + ".md"))).as(guide).isTrue();
    }
  }

  @Test
  void anUnknownNameIsRefusedListingTheKnownOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Techniques.named(List.of("carrier-pigeon")))
        .withMessageContaining("carrier-pigeon")
        .withMessageContaining("direct");
  }
}
