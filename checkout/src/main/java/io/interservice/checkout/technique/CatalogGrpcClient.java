package io.interservice.checkout.technique;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ConnectivityState;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
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
import java.util.function.Supplier;

/**
 * The {@code direct} technique's second transport: catalog's {@code Prices/GetPrices} over gRPC.
 */
final class CatalogGrpcClient implements OwnerCall<String, Price> {
  private final ManagedChannel channel;

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  /**
   * A client of catalog's gRPC endpoint at {@code target} ({@code host:port}, plaintext), each call
   * carrying {@code authorization}.
   */
  CatalogGrpcClient(String target, Supplier<String> authorization) {
    this.channel =
        NettyChannelBuilder.forTarget(target)
            .usePlaintext()
            .maxInboundMessageSize(CatalogHttpClient.MAX_ANSWER)
            .intercept(
                new ClientInterceptor() {
                  @Override
                  public <Q, R> ClientCall<Q, R> interceptCall(
                      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                    return new ForwardingClientCall.SimpleForwardingClientCall<>(
                        next.newCall(method, options)) {
                      @Override
                      public void start(Listener<R> listener, Metadata headers) {
                        headers.put(AUTHORIZATION, authorization.get());
                        super.start(listener, headers);
                      }
                    };
                  }
                })
            .build();
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
      // proto3 reads an absent number as 0: a price must be present, not defaulted
      if (!p.hasPrice() || p.getSku().isEmpty() || p.getVersion() < 1 || p.getAsOfMicros() <= 0) {
        throw new IOException("GetPrices answered a price without sku, price, version or as_of");
      }
      Instant asOf = Instant.EPOCH.plus(p.getAsOfMicros(), ChronoUnit.MICROS);
      Price price;
      try {
        price = new Price(p.getPrice(), p.getCurrency());
      } catch (IllegalArgumentException e) {
        throw new IOException("GetPrices answered an impossible price: " + e.getMessage(), e);
      }
      if (found.put(p.getSku(), new Versioned<>(price, Provenance.fromOwner(p.getVersion(), asOf)))
          != null) {
        throw new IOException("GetPrices answered sku " + p.getSku() + " twice");
      }
    }
    return new Read.Found<>(found, Set.copyOf(reply.getUnknownList()));
  }
}
