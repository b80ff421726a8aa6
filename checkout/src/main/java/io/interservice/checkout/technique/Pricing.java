package io.interservice.checkout.technique;

import io.interservice.access.Read;
import io.interservice.access.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How checkout prices an order: before its transaction, inside it, or later (asynchronously). */
public sealed interface Pricing {

  /** Whether it can price orders now (a replica: once bootstrapped). */
  default boolean ready() {
    return !(this instanceof BeforeTransaction before) || before.reader().ready();
  }

  /**
   * Prices are read through a reader before the order's transaction begins; {@code deadline} says
   * until when they may be committed: the order is written only if the statement that writes and
   * commits it runs by then.
   */
  record BeforeTransaction(
      Reader<String, Price> reader, Confirmation confirmation, CommitDeadline deadline)
      implements Pricing {
    /** Prices taken as read, and good to commit whenever the order commits. */
    public BeforeTransaction(Reader<String, Price> reader) {
      this(reader, Confirmation.NONE, CommitDeadline.NONE);
    }
  }

  /**
   * A second look at prices read before the order's transaction, knowing the order's total: the
   * prices to charge (those read, or the owner's newer ones), or why there are none.
   */
  @FunctionalInterface
  interface Confirmation {
    /** Prices taken as read. */
    Confirmation NONE = (found, total) -> found;

    /** The prices to charge for an order of {@code total} priced from {@code found}. */
    Read<String, Price> confirm(Read.Found<String, Price> found, long total);
  }

  /** Until when prices read before the order's transaction may be committed. */
  @FunctionalInterface
  interface CommitDeadline {
    /** Prices that may be committed at any time. */
    CommitDeadline NONE = found -> null;

    /** The instant past which {@code found} may not be committed, or null for none. */
    java.time.@Nullable Instant commitBy(Read.Found<String, Price> found);
  }

  /**
   * Prices are read on the order's own connection, inside its transaction, and stay locked until it
   * commits: the price is current at commit (the data-domain technique).
   */
  record InTransaction(Locker locker) implements Pricing {}

  /**
   * The order is accepted as {@code PENDING} at once; its prices are asked for in the order's own
   * transaction and come later, and the order is confirmed or rejected then, or rejected when
   * {@code deadline} has passed (the messaging technique).
   */
  record Deferred(Duration deadline, DeferredPrices prices) implements Pricing {}

  /** Prices asked for now and answered later. */
  interface DeferredPrices {
    /**
     * Asks for the prices of {@code skus} for order {@code orderId}, in {@code c}'s transaction, as
     * its last statement: it may commit it.
     */
    void request(Connection c, UUID orderId, Set<String> skus) throws SQLException;

    /** Starts taking answers, on its own threads, handing each to {@code answers}. */
    void start(Answers answers);
  }

  /** Where answers go. */
  @FunctionalInterface
  interface Answers {
    /** The owner answered the request of {@code orderId} (perhaps again, perhaps late). */
    void answer(UUID orderId, Read.Found<String, Price> prices) throws Exception;
  }

  /** Reads and locks prices on a connection. */
  @FunctionalInterface
  interface Locker {
    /** The prices of {@code skus}, locked until {@code c}'s transaction ends. */
    Read.Found<String, Price> lock(Connection c, Set<String> skus) throws SQLException;
  }
}
