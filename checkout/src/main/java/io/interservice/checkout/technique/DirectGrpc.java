package io.interservice.checkout.technique;

import io.interservice.access.Access;
import java.util.Set;

/** {@code direct-grpc}: the direct technique over catalog's {@code Prices/GetPrices} in gRPC. */
final class DirectGrpc implements Technique {
  @Override
  public String name() {
    return "direct-grpc";
  }

  @Override
  public Set<String> flags() {
    return Resilient.flags("catalog-grpc");
  }

  @Override
  public Pricing start(Context context) {
    CatalogGrpcClient client =
        new CatalogGrpcClient(
            context.settings().string("catalog-grpc", "127.0.0.1:9081"), context.toCatalog());
    return new Pricing.BeforeTransaction(
        Resilient.configure(Access.direct("catalog", client), context.settings()).build());
  }
}
