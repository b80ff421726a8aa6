package io.interservice.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.interservice.service.ProblemException;

/**
 * Whatever a client sends as an order, the parser either reads a valid order or refuses it with a
 * 400 naming a field: never another exception (which would be a 500). The saved inputs replay in
 * every test run; {@code JAZZER_FUZZ=1} fuzzes for the given time.
 */
class OrderRequestFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void anOrderBodyIsReadOrRefusedNamingAField(byte[] body) {
    try {
      OrderRequest order = OrderRequest.parse(body);
      assertThat(order.lines()).isNotEmpty().hasSizeLessThanOrEqualTo(OrderRequest.MAX_LINES);
      order.lines().forEach(l -> assertThat(l.quantity()).isBetween(1, OrderRequest.MAX_QUANTITY));
      assertThat(OrderRequest.parse(order.toJson())).isEqualTo(order);
    } catch (ProblemException e) {
      assertThat(e.problem().status()).isEqualTo(400);
      assertThat(e.problem().extensions()).containsKey("field");
    }
  }
}
