package io.interservice.owner.outbox;

import java.sql.Connection;
import java.util.List;

/**
 * Where the relay hands committed changes: push subscribers, a broker. A sink that throws makes the
 * relay retry the same batch later, so a sink sees every change at least once.
 */
public interface OutboxSink {

  /**
   * Takes {@code events}, in commit order, inside the relay's transaction {@code tx}: a sink
   * writing to the owner's database writes with it, so that its rows and the events' removal commit
   * together.
   */
  void deliver(Connection tx, List<OutboxEvent> events) throws Exception;

  /**
   * Every change committed before {@code completeUpTo} (the owner database's clock) has been handed
   * to {@link #deliver}: a sink that keeps an order passes this on behind them. A sink that throws
   * makes the relay try again later.
   */
  default void watermark(java.time.Instant completeUpTo) throws Exception {}

  /** Called once the transaction that delivered a batch has committed. */
  default void committed() {}
}
