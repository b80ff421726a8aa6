package io.interservice.access.push;

import io.interservice.access.spi.Change;
import java.io.IOException;
import java.util.List;

/** How the owner's push bodies become changes: a snapshot page, and one delivery. */
public interface PushCodec<K, V> {

  /** The entries of a snapshot body ({@code GET /snapshot}). */
  List<Change.Upsert<K, V>> snapshot(byte[] body) throws IOException;

  /** The change one delivery carries. */
  Change<K, V> delivery(byte[] body) throws IOException;
}
