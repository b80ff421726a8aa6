package io.interservice.checkout.technique;

import io.interservice.access.Access;
import io.interservice.access.Reader;
import io.interservice.service.Settings;
import java.time.Duration;
import java.util.Set;

/** {@code direct}: one batched {@code GET /prices} to catalog per order. */
final class Direct implements Technique {
  @Override
  public String name() {
    return "direct";
  }

  @Override
  public Set<String> flags() {
    return Resilient.flags("catalog-url");
  }

  @Override
  public Pricing start(Context context) {
    return new Pricing.BeforeTransaction(reader(context));
  }

  /** The direct reader, which cache-aside puts its cache in front of. */
  static Reader<String, Price> reader(Context context) {
    Settings settings = context.settings();
    Duration attempt = settings.duration("attempt-timeout", Duration.ofMillis(500));
    CatalogHttpClient client =
        new CatalogHttpClient(
            settings.string("catalog-url", "http://127.0.0.1:8081"), attempt, context.toCatalog());
    return Resilient.configure(Access.direct("catalog", client), settings).build();
  }
}
