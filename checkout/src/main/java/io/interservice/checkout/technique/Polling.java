package io.interservice.checkout.technique;

import io.interservice.access.Access;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * {@code polling}: a price quote started with {@code POST /price-quotes}, polled until done, on
 * checkout's own HTTP client ({@link PooledExchange}).
 */
final class Polling implements Technique {
  /** As the library's own client for quotes: its attempt's timeout. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(2500);

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
                Access.polling(
                    "catalog",
                    quotes,
                    PriceCodecs.QUOTES,
                    new PooledExchange(CONNECT_TIMEOUT),
                    context.toCatalog()),
                context.settings())
            .build());
  }
}
