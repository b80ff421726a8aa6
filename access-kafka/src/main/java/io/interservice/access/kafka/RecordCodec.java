package io.interservice.access.kafka;

import io.interservice.access.spi.Change;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** How one record of the owner's topic becomes a change. */
@FunctionalInterface
public interface RecordCodec<K, V> {

  /**
   * The change {@code key} and {@code value} carry, or null for a record that is not one (a
   * tombstone the compaction left, an event of another type).
   *
   * @throws IOException for a record that cannot be read: the feed skips it and counts it
   */
  @Nullable Change<K, V> decode(byte @Nullable [] key, byte @Nullable [] value) throws IOException;
}
