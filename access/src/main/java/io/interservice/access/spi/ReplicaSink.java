package io.interservice.access.spi;

import io.interservice.protocol.Buckets;
import java.time.Instant;
import java.util.List;

/** What a change feed may do to the replica it feeds. Thread-safe. */
public interface ReplicaSink<K, V> {

  /**
   * Applies {@code change} by version: an upsert or delete no newer than what is held changes
   * nothing; a watermark moves the replica's watermark forward only.
   *
   * @return whether the replica changed
   */
  boolean apply(Change<K, V> change);

  /**
   * Makes bucket {@code bucket} of {@code buckets} equal to the owner's {@code entries}, read from
   * the owner after {@code askedAt} (replica time): keys missing from them are removed and entries
   * that differ are replaced, whatever their version (so a copy ahead of a restored owner heals),
   * except entries applied after {@code askedAt}, which are newer than the owner's answer.
   *
   * @return how many entries it repaired
   */
  int replaceBucket(int bucket, int buckets, List<Change.Upsert<K, V>> entries, Instant askedAt);

  /** From now on the replica serves reads. */
  void bootstrapped();

  /** The replica's per-bucket counts and checksums over (key, version, value digest). */
  Buckets.Sums checksums(int buckets);

  /** The replica's clock, for {@code askedAt}. */
  Instant now();
}
