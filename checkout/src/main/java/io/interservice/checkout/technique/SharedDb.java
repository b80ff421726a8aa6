package io.interservice.checkout.technique;

import io.interservice.access.Access;
import io.interservice.access.Source;
import io.interservice.access.jdbc.JdbcReads;
import io.interservice.service.Database;
import io.interservice.service.Settings;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@code shared-db}: checkout reads catalog's own {@code products} table in the database they
 * share, as role {@code --shared-db-user} (the anti-pattern, kept for comparison).
 */
final class SharedDb implements Technique {
  private static final String SQL =
      "SELECT sku, price, currency, version, clock_timestamp() FROM catalog.products WHERE sku = ANY (?)";

  @Override
  public String name() {
    return "shared-db";
  }

  @Override
  public Set<String> flags() {
    return Resilient.flags("shared-db-user", "shared-db-password-file");
  }

  @Override
  public Pricing start(Context context) {
    Settings settings = context.settings();
    DataSource shared =
        Database.pool(
            settings.required("db-url"),
            settings.string("shared-db-user", "checkout_shared"),
            settings.secret("shared-db-password"),
            "catalog",
            settings.integer("db-pool", 16),
            settings.duration("db-wait", java.time.Duration.ofMillis(500)));
    return new Pricing.BeforeTransaction(
        Resilient.configure(
                Access.direct(
                    "catalog-db",
                    JdbcReads.ownerCall(
                        shared, SQL, r -> PriceBodies.fromRow(r, Source.SHARED_DB))),
                settings)
            .build());
  }
}
