package io.interservice.pricegrpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PricesGrpcTest {

  @Test
  void theGeneratedContractKeepsTheMethodNameOnTheWire() {
    assertThat(PricesGrpc.getGetPricesMethod().getFullMethodName())
        .isEqualTo("interservice.catalog.Prices/GetPrices");
  }

  @Test
  void aReplySurvivesTheGeneratedMarshaller() {
    PricesReply reply =
        PricesReply.newBuilder()
            .addPrices(
                Price.newBuilder()
                    .setSku("SKU-00001")
                    .setPrice(1234)
                    .setCurrency("USD")
                    .setVersion(7)
                    .setAsOfMicros(1_767_225_600_000_000L))
            .addUnknown("NOPE")
            .build();
    var codec = PricesGrpc.getGetPricesMethod().getResponseMarshaller();

    assertThat(codec.parse(codec.stream(reply))).isEqualTo(reply);
  }
}
