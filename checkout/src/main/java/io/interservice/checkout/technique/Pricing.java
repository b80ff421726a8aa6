package io.interservice.checkout.technique;

import io.interservice.access.Read;
import io.interservice.access.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/** How checkout prices an order: before its transaction, or inside it. */
public sealed interface Pricing {

  /** Whether it can price orders now (a replica: once bootstrapped). */
  default boolean ready() {
    return !(this instanceof BeforeTransaction before) || before.reader().ready();
  }

  /** Prices are read through a reader before the order's transaction begins. */
  record BeforeTransaction(Reader<String, Price> reader) implements Pricing {}

  /**
   * Prices are read on the order's own connection, inside its transaction, and stay locked until it
   * commits: the price is current at commit (the data-domain technique).
   */
  record InTransaction(Locker locker) implements Pricing {}

  /** Reads and locks prices on a connection. */
  @FunctionalInterface
  interface Locker {
    /** The prices of {@code skus}, locked until {@code c}'s transaction ends. */
    Read.Found<String, Price> lock(Connection c, Set<String> skus) throws SQLException;
  }
}
