package io.interservice.owner.push;

import io.interservice.owner.outbox.OutboxEvent;
import io.interservice.owner.outbox.OutboxSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The outbox sink of push: every relayed change of {@code topic} becomes one delivery per
 * subscriber, written in the relay's transaction; the deliverer is woken once it commits.
 */
public final class PushSink implements OutboxSink {
  private final String topic;
  private final Runnable wake;

  /** Fans out the changes of {@code topic}; {@code wake} tells the deliverer. */
  public PushSink(String topic, Runnable wake) {
    this.topic = topic;
    this.wake = wake;
  }

  @Override
  public void deliver(Connection tx, List<OutboxEvent> events) throws SQLException {
    try (PreparedStatement s =
        tx.prepareStatement(
            "INSERT INTO deliveries (subscriber_id, key, version, payload)"
                + " SELECT id, ?, ?, ? FROM subscribers")) {
      int n = 0;
      for (OutboxEvent e : events) {
        if (e.topic().equals(topic)) {
          s.setString(1, e.key());
          s.setLong(2, e.version());
          s.setString(3, e.payload());
          s.addBatch();
          n++;
        }
      }
      if (n > 0) {
        s.executeBatch();
      }
    }
  }

  @Override
  public void committed() {
    wake.run();
  }
}
