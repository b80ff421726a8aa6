package io.interservice.catalog;

import io.interservice.owner.outbox.Outbox;
import io.interservice.service.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;

/**
 * Catalog's tables. Every instant is the database's clock. Thread-safe. The products table's price
 * column may be renamed while catalog runs ({@link #renamePriceColumn()}): queries switch to the
 * new name atomically, so catalog's API keeps working through the change.
 */
final class ProductStore {
  static final String RENAMED_PRICE_COLUMN = "unit_price";

  /** Work on a connection. */
  @FunctionalInterface
  private interface Work<T> {
    T on(Connection c, String priceColumn) throws SQLException;
  }

  private final DataSource db;
  private final boolean outbox;
  private final ReentrantReadWriteLock schema = new ReentrantReadWriteLock();
  private volatile String price;

  /**
   * Catalog's tables in {@code db}; with {@code outbox}, every change is recorded in the outbox.
   */
  ProductStore(DataSource db, boolean outbox) throws SQLException {
    this.db = db;
    this.outbox = outbox;
    this.price = read((c, p) -> priceColumnInUse(c));
  }

  /** The name of the products table's price column now. */
  String priceColumn() {
    return price;
  }

  Optional<Product> find(String sku) throws SQLException {
    return read((c, p) -> {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT sku, name, "
                  + p
                  + ", currency, version, updated_at FROM products WHERE sku = ?")) {
        s.setString(1, sku);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(product(r)) : Optional.empty();
        }
      }
    });
  }

  /** The current prices of the known skus among {@code skus}, in one query. */
  List<PriceQuote> prices(Collection<String> skus) throws SQLException {
    return read((c, p) -> {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT sku, "
                  + p
                  + ", currency, version, clock_timestamp() AS as_of"
                  + " FROM products WHERE sku = ANY (?)")) {
        s.setArray(1, c.createArrayOf("text", skus.toArray()));
        return quotes(s);
      }
    });
  }

  /**
   * Gives {@code sku} a new price as its next version, closing the current history row and opening
   * the new one in the same transaction.
   *
   * @return the product after the change, or empty if the sku is unknown
   */
  Optional<Product> changePrice(String sku, long newPrice, String currency) throws SQLException {
    return inTransaction((c, p) -> {
      Product product;
      // lock the row first: the change's timestamp is then taken once any reader holding the row
      // (a data-domain order) has committed, so the history says when it really changed
      try (PreparedStatement lock =
          c.prepareStatement("SELECT 1 FROM products WHERE sku = ? FOR UPDATE")) {
        lock.setString(1, sku);
        lock.executeQuery().close();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE products SET "
                  + p
                  + " = ?, currency = ?, version = version + 1,"
                  + " updated_at = clock_timestamp() WHERE sku = ?"
                  + " RETURNING sku, name, "
                  + p
                  + ", currency, version, updated_at")) {
        s.setLong(1, newPrice);
        s.setString(2, currency);
        s.setString(3, sku);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
          product = product(r);
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE price_history SET valid_to = ? WHERE sku = ? AND valid_to IS NULL")) {
        s.setTimestamp(1, Timestamp.from(product.updatedAt()));
        s.setString(2, sku);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement(INSERT_HISTORY)) {
        history(
            s,
            product.sku(),
            product.version(),
            product.price(),
            product.currency(),
            product.updatedAt());
        s.executeUpdate();
      }
      push(
          c,
          List.of(
              new PriceChange(
                  product.sku(),
                  product.price(),
                  product.currency(),
                  product.version(),
                  product.updatedAt())));
      return Optional.of(product);
    });
  }

  /** The outbox topic of price changes. */
  static final String PRICES_TOPIC = "prices";

  /** Records {@code changes} in the outbox, in the changes' transaction, if it is kept. */
  private void push(Connection c, List<PriceChange> changes) throws SQLException {
    if (!outbox) {
      return;
    }
    List<Outbox.Entry> entries = new ArrayList<>(changes.size());
    for (PriceChange change : changes) {
      entries.add(
          new Outbox.Entry(
              PRICES_TOPIC,
              change.sku(),
              change.version(),
              new String(Json.write(change), java.nio.charset.StandardCharsets.UTF_8)));
    }
    Outbox.append(c, entries);
  }

  /**
   * Creates the products that do not exist yet, at version 1.
   *
   * @return the skus that already existed and were left as they are
   */
  List<String> createAll(List<NewProduct> products) throws SQLException {
    return inTransaction((c, p) -> {
      List<String> existing = new ArrayList<>();
      List<PriceChange> created = new ArrayList<>();
      try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO products (sku, name, "
                      + p
                      + ", currency, version, updated_at)"
                      + " VALUES (?, ?, ?, ?, 1, clock_timestamp()) ON CONFLICT (sku) DO NOTHING"
                      + " RETURNING updated_at");
          PreparedStatement history = c.prepareStatement(INSERT_HISTORY)) {
        for (NewProduct np : products) {
          insert.setString(1, np.sku());
          insert.setString(2, np.name());
          insert.setLong(3, np.price());
          insert.setString(4, np.currency());
          try (ResultSet r = insert.executeQuery()) {
            if (!r.next()) {
              existing.add(np.sku());
              continue;
            }
            Instant at = r.getTimestamp(1).toInstant();
            history(history, np.sku(), 1, np.price(), np.currency(), at);
            history.addBatch();
            created.add(new PriceChange(np.sku(), np.price(), np.currency(), 1, at));
          }
        }
        history.executeBatch();
      }
      // a new product's first price is a change too: subscribers hear of it like any other
      push(c, created);
      return existing;
    });
  }

  /**
   * Renames the products table's price column to {@value #RENAMED_PRICE_COLUMN}, as a schema
   * migration would. Idempotent. Catalog's published view follows the column (views bind to
   * columns, not names); readers of the table itself do not.
   */
  void renamePriceColumn() throws SQLException {
    schema.writeLock().lock();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "ALTER TABLE products RENAME COLUMN price TO " + RENAMED_PRICE_COLUMN)) {
      if (!price.equals(RENAMED_PRICE_COLUMN)) {
        s.execute();
        price = RENAMED_PRICE_COLUMN;
      }
    } finally {
      schema.writeLock().unlock();
    }
  }

  /** Every product's sku, price, currency, version and last change, in sku order. */
  List<PriceQuote> all() throws SQLException {
    return read((c, p) -> {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT sku, " + p + ", currency, version, updated_at FROM products ORDER BY sku")) {
        return quotes(s);
      }
    });
  }

  /**
   * Up to {@code limit} products after {@code after} in sku order (bytewise), for a paged snapshot.
   */
  List<PriceQuote> page(String after, int limit) throws SQLException {
    return read((c, p) -> {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT sku, "
                  + p
                  + ", currency, version, updated_at FROM products"
                  + " WHERE sku COLLATE \"C\" > ? ORDER BY sku COLLATE \"C\" LIMIT ?")) {
        s.setString(1, after);
        s.setInt(2, limit);
        return quotes(s);
      }
    });
  }

  void ping() throws SQLException {
    read((c, p) -> {
      try (PreparedStatement s = c.prepareStatement("SELECT 1")) {
        s.executeQuery().close();
        return null;
      }
    });
  }

  /** What a push delivers: a price change as it was committed. */
  record PriceChange(
      String sku, long price, String currency, long version, Instant changedAt, Instant validFrom) {
    /** Version {@code version} of {@code sku}, the price from {@code at} on. */
    PriceChange(String sku, long price, String currency, long version, Instant at) {
      this(sku, price, currency, version, at, at);
    }
  }

  private static final String INSERT_HISTORY =
      "INSERT INTO price_history (sku, version, price, currency, valid_from) VALUES (?, ?, ?, ?, ?)";

  private static void history(
      PreparedStatement s, String sku, long version, long price, String currency, Instant from)
      throws SQLException {
    s.setString(1, sku);
    s.setLong(2, version);
    s.setLong(3, price);
    s.setString(4, currency);
    s.setTimestamp(5, Timestamp.from(from));
  }

  private <T> T read(Work<T> work) throws SQLException {
    schema.readLock().lock();
    try (Connection c = db.getConnection()) {
      return work.on(c, price);
    } finally {
      schema.readLock().unlock();
    }
  }

  private <T> T inTransaction(Work<T> work) throws SQLException {
    return read((c, p) -> {
      c.setAutoCommit(false);
      try {
        T result = work.on(c, p);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    });
  }

  private static String priceColumnInUse(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = 'products' AND column_name = ?")) {
      s.setString(1, RENAMED_PRICE_COLUMN);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? RENAMED_PRICE_COLUMN : "price";
      }
    }
  }

  /** Rows of (sku, price, currency, version, instant) as quotes. */
  private static List<PriceQuote> quotes(PreparedStatement s) throws SQLException {
    List<PriceQuote> quotes = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        quotes.add(
            new PriceQuote(
                r.getString(1),
                r.getLong(2),
                r.getString(3),
                r.getLong(4),
                r.getTimestamp(5).toInstant()));
      }
    }
    return quotes;
  }

  private static Product product(ResultSet r) throws SQLException {
    return new Product(
        r.getString(1),
        r.getString(2),
        r.getLong(3),
        r.getString(4),
        r.getLong(5),
        r.getTimestamp(6).toInstant());
  }
}
