package io.interservice.access.spi;

import java.util.List;
import java.util.Map;

/**
 * Where a durable replica keeps its entries and its feed's positions, so that a restarted reader
 * resumes from where it was instead of from scratch. A feed saves the changes it applies and the
 * positions after them in one transaction: after a crash, entries and positions agree.
 */
public interface ReplicaStore<K, V> {

  /**
   * What the store holds.
   *
   * @param entries every entry, newest version of each key
   * @param positions the feed's position per source (a partition, say), where it resumes
   */
  record Loaded<K, V>(List<Change.Upsert<K, V>> entries, Map<String, Long> positions) {
    /** Copies the collections. */
    public Loaded {
      entries = List.copyOf(entries);
      positions = Map.copyOf(positions);
    }
  }

  /** Everything stored, for a start. */
  Loaded<K, V> load() throws Exception;

  /**
   * Stores {@code changes} (each by version: an older or repeated one changes nothing) and the
   * positions after them, in one transaction.
   */
  void save(List<Change<K, V>> changes, Map<String, Long> positions) throws Exception;
}
