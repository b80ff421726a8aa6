package io.interservice.checkout.technique;

import io.interservice.protocol.Credentials;
import io.interservice.service.Api;
import io.interservice.service.Settings;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A way for checkout to get catalog's prices: its flags, how it prices orders, the routes it adds.
 * One small class per technique, listed in {@link Techniques}; {@code CheckoutMain} names none.
 */
public interface Technique {

  /** The name {@code --technique} takes. */
  String name();

  /** The flags it reads, beyond those of every service. */
  Set<String> flags();

  /**
   * Starts it: builds how orders are priced (a reader it starts now, and closes when checkout
   * stops) and adds any routes it serves to {@code context.api()}.
   *
   * @throws IllegalArgumentException for a setting it cannot use, naming the flag
   */
  Pricing start(Context context) throws Exception;

  /**
   * What a technique is started with.
   *
   * @param settings checkout's settings
   * @param api checkout's HTTP API, for a technique's own routes
   * @param db checkout's own database, for a technique that keeps data there (a durable replica)
   * @param credentials checkout's own, proving who it is on its calls to catalog
   */
  record Context(Settings settings, Api api, DataSource db, Credentials credentials) {
    /** The {@code Authorization} header of a call to catalog. */
    java.util.function.Supplier<String> toCatalog() {
      return () -> credentials.authorization("catalog");
    }
  }
}
