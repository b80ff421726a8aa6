package io.interservice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.interservice.service.ProblemException;

/**
 * Whatever a caller sends to catalog, each body parser reads a valid request or refuses it with a
 * 400 naming a field: never another exception. The saved inputs replay in every test run.
 */
class RequestsFuzzTest {
  private static void refusedNamingAField(ProblemException e) {
    assertThat(e.problem().status()).isEqualTo(400);
    assertThat(e.problem().extensions()).containsKey("field");
  }

  @FuzzTest(maxDuration = "60s")
  void aPriceChangeIsReadOrRefused(byte[] body) {
    try {
      Requests.PriceChange change = Requests.priceChange(body);
      assertThat(change.price()).isNotNegative();
      assertThat(change.currency()).matches("[A-Z]{3}");
    } catch (ProblemException e) {
      refusedNamingAField(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void aBulkCreateIsReadOrRefused(byte[] body) {
    try {
      Requests.bulk(body).forEach(p -> assertThat(p.price()).isNotNegative());
    } catch (ProblemException e) {
      refusedNamingAField(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void aSubscriptionIsReadOrRefused(byte[] body) {
    try {
      Requests.Subscription s = Requests.subscription(body);
      assertThat(s.name()).matches("[a-z0-9][a-z0-9-]{0,63}");
    } catch (ProblemException e) {
      refusedNamingAField(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void aQuoteRequestIsReadOrRefused(byte[] body) {
    try {
      assertThat(Requests.quote(body, CatalogApi.MAX_SKUS)).hasSizeBetween(1, CatalogApi.MAX_SKUS);
    } catch (ProblemException e) {
      refusedNamingAField(e);
    }
  }
}
