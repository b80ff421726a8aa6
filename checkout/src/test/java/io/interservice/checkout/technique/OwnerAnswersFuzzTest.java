package io.interservice.checkout.technique;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.interservice.access.Read;
import io.interservice.access.spi.Change;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Whatever catalog answers, checkout's parsers of its answers read valid prices or fail with an
 * {@link IOException} (catalog failing): never another exception, never a negative price. The saved
 * inputs replay in every test run.
 */
class OwnerAnswersFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void aPricesBodyIsReadOrIsCatalogFailing(byte[] body) {
    try {
      Read.Found<String, Price> found = PriceBodies.fromJson(body);
      found.values().values().forEach(v -> assertThat(v.value().amount()).isNotNegative());
    } catch (IOException e) {
      // catalog failing: the reader answers 503
    }
  }

  @FuzzTest(maxDuration = "60s")
  void aPushIsReadOrRefused(byte[] body) {
    try {
      Change<String, Price> change = PriceCodecs.PUSH.delivery(body);
      assertThat(change).isInstanceOf(Change.Upsert.class);
    } catch (IOException e) {
      // refused with 400
    }
  }

  @FuzzTest(maxDuration = "60s")
  void aSnapshotIsReadOrIsCatalogFailing(byte[] body) {
    try {
      PriceCodecs.PUSH.snapshot(body).forEach(u -> assertThat(u.version()).isPositive());
    } catch (IOException e) {
      // catalog failing: the feed tries again
    }
  }

  @FuzzTest(maxDuration = "60s")
  void anEventIsReadIgnoredOrSkipped(byte[] value) {
    try {
      PriceCodecs.EVENTS.decode("SKU-1".getBytes(StandardCharsets.UTF_8), value);
    } catch (IOException e) {
      // skipped and counted by the feed
    }
  }
}
