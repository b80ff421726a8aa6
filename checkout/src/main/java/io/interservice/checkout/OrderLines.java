package io.interservice.checkout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An order's lines in checkout's tables: written as seven arrays in one statement, read back. */
final class OrderLines {
  private OrderLines() {}

  /** The lines' insert, to be followed by {@code FROM o, } {@link #UNNEST}. */
  static final String INSERT =
      "INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price, currency,"
          + " price_version, source, as_of) SELECT o.id, l.n - 1, l.sku, l.quantity,"
          + " l.unit_price, l.currency, l.price_version, l.source,"
          + " timestamptz 'epoch' + l.as_of_us * interval '1 microsecond'";

  /** The seven arrays bound by {@link #bind}, one row per line with its number. */
  static final String UNNEST =
      "unnest(?::text[], ?::int[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::bigint[])"
          + " WITH ORDINALITY AS l(sku, quantity, unit_price, currency, price_version, source,"
          + " as_of_us, n)";

  /**
   * Binds the lines' columns as seven arrays from parameter {@code first} on (the driver sends Java
   * arrays as they are: no array object to create per column).
   */
  static void bind(PreparedStatement s, int first, Order order) throws SQLException {
    List<Order.Line> lines = order.lines();
    int n = lines.size();
    String[] skus = new String[n];
    int[] quantities = new int[n];
    long[] prices = new long[n];
    String[] currencies = new String[n];
    long[] versions = new long[n];
    String[] sources = new String[n];
    long[] asOf = new long[n];
    for (int i = 0; i < n; i++) {
      Order.Line line = lines.get(i);
      skus[i] = line.sku();
      quantities[i] = line.quantity();
      prices[i] = line.unitPrice();
      currencies[i] = line.currency();
      versions[i] = line.priceVersion();
      sources[i] = line.source();
      asOf[i] = micros(line.asOf());
    }
    Object[] columns = {skus, quantities, prices, currencies, versions, sources, asOf};
    for (int i = 0; i < columns.length; i++) {
      s.setObject(first + i, columns[i]);
    }
  }

  /** Microseconds since the epoch, to the nearest (a half rounds up, as the driver rounded). */
  static long micros(java.time.Instant t) {
    return Math.addExact(
        Math.multiplyExact(t.getEpochSecond(), 1_000_000L), (t.getNano() + 500) / 1000);
  }

  /** The lines of order {@code id}, in their order. */
  static List<Order.Line> read(Connection c, UUID id) throws SQLException {
    List<Order.Line> lines = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT sku, quantity, unit_price, currency, price_version, source, as_of"
                + " FROM order_lines WHERE order_id = ? ORDER BY line_no")) {
      s.setObject(1, id);
      try (ResultSet l = s.executeQuery()) {
        while (l.next()) {
          lines.add(
              new Order.Line(
                  l.getString(1),
                  l.getInt(2),
                  l.getLong(3),
                  l.getString(4),
                  l.getLong(5),
                  l.getString(6),
                  l.getTimestamp(7).toInstant()));
        }
      }
    }
    return List.copyOf(lines);
  }
}
