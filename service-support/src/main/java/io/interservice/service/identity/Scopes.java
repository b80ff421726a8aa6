package io.interservice.service.identity;

/** The scopes the scenario's routes ask for. */
public final class Scopes {
  /** Read prices from catalog: {@code GET /prices}, gRPC, price quotes. */
  public static final String PRICES_READ = "prices:read";

  /** Subscribe to catalog's price pushes, load its snapshot and checksums. */
  public static final String PRICES_SUBSCRIBE = "prices:subscribe";

  /** Push price changes to a subscriber. */
  public static final String PRICES_PUSH = "prices:push";

  /** Change catalog's products and prices, see its deliveries and dead letters. */
  public static final String CATALOG_ADMIN = "catalog:admin";

  /** Place orders and read one's own. */
  public static final String ORDERS = "orders";

  private Scopes() {}
}
