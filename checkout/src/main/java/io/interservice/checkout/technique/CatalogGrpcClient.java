package io.interservice.checkout.technique;

import io.grpc.CallOptions;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Versioned;
import io.interservice.access.spi.OwnerCall;
import io.interservice.access.spi.OwnerRejectedException;
import io.interservice.pricegrpc.PricesGrpc;
import io.interservice.pricegrpc.PricesReply;
import io.interservice.pricegrpc.PricesRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The {@code direct} technique's second transport: catalog's {@code Prices/GetPrices} over gRPC.
 */
final class CatalogGrpcClient implements OwnerCall<String, Price> {
  private final ManagedChannel channel;

  /** A client of catalog's gRPC endpoint at {@code target} ({@code host:port}, plaintext). */
  CatalogGrpcClient(String target) {
    this.channel = NettyChannelBuilder.forTarget(target).usePlaintext().build();
  }

  @Override
  public Read.Found<String, Price> fetch(Set<String> skus, Duration timeout)
      throws IOException, OwnerRejectedException {
    PricesReply reply;
    if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      // catalog may be back already: connect now, not after gRPC's growing backoff
      channel.resetConnectBackoff();
    }
    try {
      reply =
          ClientCalls.blockingUnaryCall(
              channel,
              PricesGrpc.getGetPricesMethod(),
              // wait for that connection within the attempt's time instead of failing at once
              CallOptions.DEFAULT
                  .withWaitForReady()
                  .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS),
              PricesRequest.newBuilder().addAllSkus(skus).build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
        throw new OwnerRejectedException("GetPrices: " + e.getStatus());
      }
      throw new IOException("GetPrices: " + e.getStatus(), e);
    }
    Map<String, Versioned<Price>> found = new HashMap<>();
    for (io.interservice.pricegrpc.Price p : reply.getPricesList()) {
      Instant asOf = Instant.EPOCH.plus(p.getAsOfMicros(), ChronoUnit.MICROS);
      found.put(
          p.getSku(),
          new Versioned<>(
              new Price(p.getPrice(), p.getCurrency()),
              Provenance.fromOwner(p.getVersion(), asOf)));
    }
    return new Read.Found<>(found, Set.copyOf(reply.getUnknownList()));
  }
}
