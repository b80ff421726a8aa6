package io.interservice.lab.technique;

import java.util.List;

/** {@code direct-grpc}: the direct technique over gRPC instead of HTTP/JSON. */
final class DirectGrpc implements Technique {
  @Override
  public String name() {
    return "direct-grpc";
  }

  @Override
  public String summary() {
    return "direct, with catalog's Prices/GetPrices over gRPC (HTTP/2, protobuf) as transport";
  }

  @Override
  public List<String> checkoutArgs() {
    return List.of("--technique", "direct-grpc");
  }

  @Override
  public MovingParts movingParts() {
    return new MovingParts(2, List.of("postgresql"), List.of("gRPC Prices/GetPrices"), List.of());
  }

  @Override
  public List<String> sources() {
    return List.of(
        "price-grpc/src/main/java/io/interservice/pricegrpc/PricesGrpc.java",
        "catalog/src/main/java/io/interservice/catalog/GrpcPrices.java",
        "checkout/src/main/java/io/interservice/checkout/CatalogGrpcClient.java");
  }
}
