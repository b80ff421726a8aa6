package io.interservice.lab.topology;

import io.interservice.lab.proxy.FaultProxy;
import io.interservice.lab.proxy.NetworkBehavior;
import java.net.URI;

/**
 * The lab's proxies in front of catalog's HTTP and gRPC ports: checkout reaches catalog only
 * through them, so that a fault on the network between the two needs no hook in either service.
 */
public final class OwnerNetwork implements AutoCloseable {
  private final FaultProxy http;
  private final FaultProxy grpc;

  private OwnerNetwork(FaultProxy http, FaultProxy grpc) {
    this.http = http;
    this.grpc = grpc;
  }

  /** Proxies to catalog's HTTP port {@code catalogPort} and its gRPC port. */
  public static OwnerNetwork start(int catalogPort, long seed) {
    FaultProxy http = FaultProxy.start(catalogPort, seed);
    try {
      return new OwnerNetwork(http, FaultProxy.start(Services.grpcPort(catalogPort), seed + 1));
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
  }

  /** Catalog's HTTP base URL through the proxy. */
  public URI httpUrl() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  /** Catalog's gRPC target through the proxy. */
  public String grpcTarget() {
    return "127.0.0.1:" + grpc.port();
  }

  /** From now on, both proxies behave as {@code b}. */
  public void behave(NetworkBehavior b) {
    http.behave(b);
    grpc.behave(b);
  }

  @Override
  public void close() {
    http.close();
    grpc.close();
  }
}
