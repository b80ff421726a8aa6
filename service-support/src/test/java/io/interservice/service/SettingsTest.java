package io.interservice.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final Set<String> KNOWN = Set.of("port", "deadline", "catalog-url");

  @Test
  void flagsWinOverTheEnvironmentWhichWinsOverDefaults() {
    Settings s =
        Settings.parse(
            new String[] {"--port", "9000", "--deadline=250ms"},
            Map.of("CHECKOUT_PORT", "1", "CHECKOUT_CATALOG_URL", "http://c:1"),
            "CHECKOUT",
            KNOWN);
    assertThat(s.integer("port", 8082)).isEqualTo(9000);
    assertThat(s.duration("deadline", Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(250));
    assertThat(s.string("catalog-url", "x")).isEqualTo("http://c:1");
    assertThat(Settings.parse(new String[0], Map.of(), "CHECKOUT", KNOWN).integer("port", 8082))
        .isEqualTo(8082);
  }

  @Test
  void anUnknownFlagIsRefusedNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Settings.parse(new String[] {"--prot", "1"}, Map.of(), "C", KNOWN))
        .withMessageContaining("--prot");
  }

  @Test
  void aBadValueIsRefusedNamingTheFlag() {
    Settings s =
        Settings.parse(
            new String[] {"--port", "eighty", "--deadline", "soon"}, Map.of(), "C", KNOWN);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> s.integer("port", 1))
        .withMessageContaining("--port");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> s.duration("deadline", Duration.ZERO))
        .withMessageContaining("--deadline");
  }

  @Test
  void aFlagWithoutAValueIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Settings.parse(new String[] {"--port"}, Map.of(), "C", KNOWN))
        .withMessageContaining("needs a value");
  }
}
