package io.interservice.catalog;

import io.grpc.Server;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** {@code grpc}: {@code Prices/GetPrices} on {@code --grpc-port}. */
final class GrpcFeature implements OwnerFeature {
  @Override
  public String name() {
    return "grpc";
  }

  @Override
  public Set<String> flags() {
    return Set.of("grpc-port");
  }

  @Override
  public Started start(Context context) {
    int port = context.settings().integer("grpc-port", 9081);
    Server server =
        GrpcPrices.start(
            context.host(),
            port,
            context.store(),
            context.metrics().registry(),
            context.identity().trust());
    return new Started(List.of(), () -> server.shutdown().awaitTermination(2, TimeUnit.SECONDS));
  }
}
