package io.interservice.lab.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.interservice.lab.fault.Fault;
import io.interservice.lab.fault.Faults;
import io.interservice.lab.technique.Technique;
import io.interservice.lab.technique.Techniques;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A steady window holds two of the technique's cycles, so that each half holds one. */
class SteadyWindowTest {
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  private static Technique technique(String name) {
    return Techniques.named(List.of(name)).get(0);
  }

  private static Fault scenario(String name) {
    return Faults.named(List.of(name)).get(0);
  }

  @Test
  void aCacheRefreshedEveryTwentySecondsIsMeasuredSteadyForForty() {
    Duration window =
        RunConfig.window(technique("cache-aside"), scenario("steady"), TEN_SECONDS, false);

    assertThat(window).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void aLongerWindowAskedForIsKept() {
    Duration window =
        RunConfig.window(
            technique("cache-aside"), scenario("steady"), Duration.ofSeconds(60), false);

    assertThat(window).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aTechniqueWithoutACycleKeepsTheWindowAskedFor() {
    assertThat(RunConfig.window(technique("direct"), scenario("steady"), TEN_SECONDS, false))
        .isEqualTo(TEN_SECONDS);
  }

  @Test
  void aQuickLookAndAScenarioWithAFaultWindowKeepTheWindowAskedFor() {
    assertThat(RunConfig.window(technique("cache-aside"), scenario("steady"), TEN_SECONDS, true))
        .isEqualTo(TEN_SECONDS);
    assertThat(
            RunConfig.window(technique("cache-aside"), scenario("owner-down"), TEN_SECONDS, false))
        .isEqualTo(TEN_SECONDS);
  }
}
