package io.interservice.lab.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.interservice.lab.topology.Services;
import io.interservice.pricegrpc.PricesGrpc;
import io.interservice.pricegrpc.PricesRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DirectGrpcTest {
  private static final String GRPC_CALLS =
      "grpc_server_requests_seconds_count{method=\"GetPrices\",status=\"OK\"}";
  private static Scenario scenario;

  @BeforeAll
  static void start() {
    scenario = Scenario.start(DirectGrpcTest.class, "direct-grpc");
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void aFiveLineOrderIsPricedByOneGrpcCallAtTheCurrentVersion() throws Exception {
    long version = scenario.admin.changePrice("SKU-00031", 3131);
    long before = scenario.catalogHttp.metric(GRPC_CALLS);

    Http.Answer placed =
        scenario.checkoutHttp.order(
            "SKU-00031", 1, "SKU-00032", 1, "SKU-00033", 1, "SKU-00034", 1, "SKU-00035", 1);

    JsonNode line = placed.json().at("/lines/0");
    assertThat(placed.status()).isEqualTo(201);
    assertThat(line.get("priceVersion").asLong()).isEqualTo(version);
    assertThat(line.get("unitPrice").asLong()).isEqualTo(3131);
    assertThat(line.get("source").asText()).isEqualTo("owner");
    assertThat(scenario.catalogHttp.metric(GRPC_CALLS) - before).isEqualTo(1);
    assertThat(scenario.checkoutHttp.order("NOPE-9", 1).status()).isEqualTo(422);
  }

  @Test
  void withCatalogKilledOrdersGet503AndRecoverAfterItsRestart() throws Exception {
    scenario.whileCatalogIsDown(() -> {
      Http.Answer refused = scenario.checkoutHttp.order("SKU-00036", 1);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isPresent();
    });
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> scenario.checkoutHttp.order("SKU-00036", 1).status() == 201);
  }

  @Test
  void aGetPricesCallWithoutCheckoutsTokenIsUnauthenticatedAndAnOperatorsIsDenied() {
    ManagedChannel channel =
        NettyChannelBuilder.forTarget(
                "127.0.0.1:" + Services.grpcPort(scenario.catalog.url().getPort()))
            .usePlaintext()
            .build();
    try {
      PricesRequest request = PricesRequest.newBuilder().addSkus("SKU-00001").build();
      PricesGrpc.PricesBlockingStub stub =
          PricesGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
      Metadata operator = new Metadata();
      operator.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
          scenario.topology.adminAuthorization());
      Metadata posingAsCheckout = new Metadata();
      posingAsCheckout.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
          scenario.topology.clientAuthorization("checkout"));

      assertThatThrownBy(() -> stub.getPrices(request))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
      assertThatThrownBy(() ->
              stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(posingAsCheckout))
                  .getPrices(request))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
      assertThat(
              stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(operator))
                  .getPrices(request)
                  .getPricesCount())
          .as("an operator may read prices")
          .isEqualTo(1);
    } finally {
      channel.shutdownNow();
    }
  }
}
