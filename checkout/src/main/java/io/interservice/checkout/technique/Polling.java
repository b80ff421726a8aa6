package io.interservice.checkout.technique;

import io.interservice.access.Access;
import java.net.URI;
import java.util.Set;

/** {@code polling}: a price quote started with {@code POST /price-quotes}, polled until done. */
final class Polling implements Technique {
  @Override
  public String name() {
    return "polling";
  }

  @Override
  public Set<String> flags() {
    return Resilient.flags("catalog-url");
  }

  @Override
  public Pricing start(Context context) {
    URI quotes =
        URI.create(context.settings().string("catalog-url", "http://127.0.0.1:8081"))
            .resolve("/price-quotes");
    return new Pricing.BeforeTransaction(
        Resilient.configure(
                Access.polling("catalog", quotes, PriceCodecs.QUOTES, context.toCatalog()),
                context.settings())
            .build());
  }
}
