package io.interservice.catalog;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.interservice.pricegrpc.Price;
import io.interservice.pricegrpc.PricesGrpc;
import io.interservice.pricegrpc.PricesReply;
import io.interservice.pricegrpc.PricesRequest;
import io.interservice.service.Skus;
import io.interservice.service.identity.Denied;
import io.interservice.service.identity.Scopes;
import io.interservice.service.identity.Trust;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * catalog's {@code Prices/GetPrices} over gRPC: the same batched read as {@code GET /prices},
 * counted as {@code grpc.server.requests} ({@code grpc_server_requests_seconds_count}).
 */
final class GrpcPrices {
  private GrpcPrices() {}

  /** Starts the gRPC server on {@code host}:{@code port}. */
  static Server start(
      String host, int port, ProductStore store, MeterRegistry meters, Trust trust) {
    ServerServiceDefinition service =
        ServerServiceDefinition.builder(PricesGrpc.SERVICE_NAME)
            .addMethod(
                PricesGrpc.getGetPricesMethod(),
                ServerCalls.asyncUnaryCall(
                    (request, response) -> answer(request, response, store, meters)))
            .build();
    try {
      return NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
          .addService(ServerInterceptors.intercept(service, new Authenticated(trust)))
          .maxInboundMessageSize(64 * 1024)
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build()
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start gRPC on " + host + ":" + port, e);
    }
  }

  /** Refuses a call without a token of a caller allowed {@code prices:read}. */
  private record Authenticated(Trust trust) implements ServerInterceptor {
    private static final Metadata.Key<String> AUTHORIZATION =
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      try {
        trust.verify(headers.get(AUTHORIZATION), Scopes.PRICES_READ);
      } catch (Denied e) {
        call.close(
            (e.status() == 401 ? Status.UNAUTHENTICATED : Status.PERMISSION_DENIED)
                .withDescription(e.getMessage()),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
  }

  private static void answer(
      PricesRequest request,
      StreamObserver<PricesReply> response,
      ProductStore store,
      MeterRegistry meters) {
    long start = System.nanoTime();
    Status status = Status.OK;
    try {
      Set<String> skus = new LinkedHashSet<>(request.getSkusList());
      if (skus.isEmpty()
          || skus.size() > CatalogApi.MAX_SKUS
          || !skus.stream().allMatch(Skus::valid)) {
        status =
            Status.INVALID_ARGUMENT.withDescription(
                "give 1 to " + CatalogApi.MAX_SKUS + " well-formed skus");
        response.onError(status.asRuntimeException());
        return;
      }
      PricesReply.Builder reply = PricesReply.newBuilder();
      for (PriceQuote q : store.prices(skus)) {
        skus.remove(q.sku());
        reply.addPrices(
            Price.newBuilder()
                .setSku(q.sku())
                .setPrice(q.price())
                .setCurrency(q.currency())
                .setVersion(q.version())
                .setAsOfMicros(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, q.asOf())));
      }
      response.onNext(reply.addAllUnknown(skus).build());
      response.onCompleted();
    } catch (Exception e) {
      status = Status.UNAVAILABLE.withDescription(e.toString());
      response.onError(status.asRuntimeException());
    } finally {
      Timer.builder("grpc.server.requests")
          .tag("method", "GetPrices")
          .tag("status", status.getCode().name())
          .register(meters)
          .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }
}
