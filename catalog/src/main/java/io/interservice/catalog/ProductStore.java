package io.interservice.catalog;

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
import javax.sql.DataSource;

/** Catalog's tables. Every instant is the database's clock. Thread-safe. */
final class ProductStore {
  private final DataSource db;

  ProductStore(DataSource db) {
    this.db = db;
  }

  Optional<Product> find(String sku) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT sku, name, price, currency, version, updated_at FROM products WHERE sku = ?")) {
      s.setString(1, sku);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(product(r)) : Optional.empty();
      }
    }
  }

  /** The current prices of the known skus among {@code skus}, in one query. */
  List<PriceQuote> prices(Collection<String> skus) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT sku, price, currency, version, clock_timestamp() AS as_of"
                    + " FROM products WHERE sku = ANY (?)")) {
      s.setArray(1, c.createArrayOf("text", skus.toArray()));
      List<PriceQuote> quotes = new ArrayList<>(skus.size());
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
  }

  /**
   * Gives {@code sku} a new price as its next version, closing the current history row and opening
   * the new one in the same transaction.
   *
   * @return the product after the change, or empty if the sku is unknown
   */
  Optional<Product> changePrice(String sku, long price, String currency) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<Product> changed = changePrice(c, sku, price, currency);
        c.commit();
        return changed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static Optional<Product> changePrice(
      Connection c, String sku, long price, String currency) throws SQLException {
    Product product;
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE products SET price = ?, currency = ?, version = version + 1,"
                + " updated_at = clock_timestamp() WHERE sku = ?"
                + " RETURNING sku, name, price, currency, version, updated_at")) {
      s.setLong(1, price);
      s.setString(2, currency);
      s.setString(3, sku);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        product = product(r);
      }
    }
    Timestamp at = Timestamp.from(product.updatedAt());
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE price_history SET valid_to = ? WHERE sku = ? AND valid_to IS NULL")) {
      s.setTimestamp(1, at);
      s.setString(2, sku);
      s.executeUpdate();
    }
    insertHistory(c, product);
    return Optional.of(product);
  }

  /**
   * Creates the products that do not exist yet, at version 1.
   *
   * @return the skus that already existed and were left as they are
   */
  List<String> createAll(List<NewProduct> products) throws SQLException {
    List<String> existing = new ArrayList<>();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO products (sku, name, price, currency, version, updated_at)"
                      + " VALUES (?, ?, ?, ?, 1, clock_timestamp()) ON CONFLICT (sku) DO NOTHING"
                      + " RETURNING updated_at");
          PreparedStatement history =
              c.prepareStatement(
                  "INSERT INTO price_history (sku, version, price, currency, valid_from)"
                      + " VALUES (?, 1, ?, ?, ?)")) {
        for (NewProduct p : products) {
          insert.setString(1, p.sku());
          insert.setString(2, p.name());
          insert.setLong(3, p.price());
          insert.setString(4, p.currency());
          try (ResultSet r = insert.executeQuery()) {
            if (!r.next()) {
              existing.add(p.sku());
              continue;
            }
            history.setString(1, p.sku());
            history.setLong(2, p.price());
            history.setString(3, p.currency());
            history.setTimestamp(4, r.getTimestamp(1));
            history.addBatch();
          }
        }
        history.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    return existing;
  }

  void ping() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1")) {
      s.executeQuery().close();
    }
  }

  private static void insertHistory(Connection c, Product p) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO price_history (sku, version, price, currency, valid_from)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, p.sku());
      s.setLong(2, p.version());
      s.setLong(3, p.price());
      s.setString(4, p.currency());
      s.setTimestamp(5, Timestamp.from(p.updatedAt()));
      s.executeUpdate();
    }
  }

  private static Product product(ResultSet r) throws SQLException {
    Instant updated = r.getTimestamp(6).toInstant();
    return new Product(
        r.getString(1), r.getString(2), r.getLong(3), r.getString(4), r.getLong(5), updated);
  }
}
