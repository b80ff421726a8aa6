package io.interservice.lab.technique;

import java.util.List;
import java.util.Set;

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
  public List<String> checkoutArgs(Owner owner) {
    return List.of("--technique", "direct-grpc", "--catalog-grpc", owner.grpc());
  }

  @Override
  public Set<String> ownerEndpoints() {
    return Set.of("gRPC GetPrices");
  }

  @Override
  public List<String> catalogFeatures() {
    return List.of("grpc");
  }

  @Override
  public MovingParts movingParts() {
    return new MovingParts(2, List.of("postgresql"), List.of("gRPC Prices/GetPrices"), List.of());
  }

  @Override
  public List<String> sources() {
    return List.of(
        "price-grpc/src/main/protobuf/prices.proto",
        "catalog/src/main/java/io/interservice/catalog/GrpcPrices.java",
        "catalog/src/main/java/io/interservice/catalog/GrpcFeature.java",
        "checkout/src/main/java/io/interservice/checkout/technique/CatalogGrpcClient.java",
        "checkout/src/main/java/io/interservice/checkout/technique/DirectGrpc.java");
  }
}
