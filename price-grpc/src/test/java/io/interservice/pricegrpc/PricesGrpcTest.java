package io.interservice.pricegrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PricesGrpcTest {

  @Test
  void aRequestSurvivesTheWireFormat() {
    var request = new PricesGrpc.PricesRequest(List.of("SKU-00001", "SKU-00002"));
    var codec = PricesGrpc.GET_PRICES.getRequestMarshaller();
    assertThat(codec.parse(codec.stream(request))).isEqualTo(request);
  }

  @Test
  void aReplySurvivesTheWireFormat() {
    var reply =
        new PricesGrpc.PricesReply(
            List.of(
                new PricesGrpc.Price("SKU-00001", 1234, "USD", 7, 1_767_225_600_000_000L),
                new PricesGrpc.Price("SKU-00002", 0, "EUR", 1, 1)),
            List.of("NOPE"));
    var codec = PricesGrpc.GET_PRICES.getResponseMarshaller();
    assertThat(codec.parse(codec.stream(reply))).isEqualTo(reply);
  }
}
