package io.interservice.access;

import io.interservice.access.internal.CacheAsideReader;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Builds a cache-aside reader in front of another reader (usually a direct one). Not thread-safe;
 * the reader it builds is.
 *
 * <p>Defaults: fresh for 30 s, refreshed in the background after 20 s in batches gathered for 1 s,
 * served up to 5 min old while the owner cannot be asked, unknown keys remembered 2 s, 100,000
 * entries, the system clock, refreshes on virtual threads.
 */
public final class CacheAsideBuilder<K, V> {
  private final Reader<K, V> owner;
  private Duration fresh = Duration.ofSeconds(30);
  private Duration refreshAfter = Duration.ofSeconds(20);
  private Duration refreshBatch = Duration.ofSeconds(1);
  private Duration maxStale = Duration.ofMinutes(5);
  private Duration negative = Duration.ofSeconds(2);
  private long maximumSize = 100_000;
  private InstantSource clock = InstantSource.system();
  private Executor refreshes = Executors.newVirtualThreadPerTaskExecutor();

  CacheAsideBuilder(Reader<K, V> owner) {
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  /** How long a loaded value is served without asking the owner. */
  public CacheAsideBuilder<K, V> fresh(Duration value) {
    fresh = value;
    return this;
  }

  /** Age after which a read reloads the value in the background; {@code fresh} disables it. */
  public CacheAsideBuilder<K, V> refreshAfter(Duration value) {
    refreshAfter = value;
    return this;
  }

  /**
   * How long keys due for refresh are gathered across reads into one background load (of at most
   * 100 keys); zero reloads each read's due keys at once. Keep it well below {@code fresh -
   * refreshAfter}, or values expire before their refresh.
   */
  public CacheAsideBuilder<K, V> refreshBatch(Duration value) {
    refreshBatch = value;
    return this;
  }

  /** The oldest a value may be served while the owner cannot be asked. */
  public CacheAsideBuilder<K, V> maxStale(Duration value) {
    maxStale = value;
    return this;
  }

  /** How long an unknown key is remembered as unknown. */
  public CacheAsideBuilder<K, V> negative(Duration value) {
    negative = value;
    return this;
  }

  /** Entries kept at most. */
  public CacheAsideBuilder<K, V> maximumSize(long value) {
    maximumSize = value;
    return this;
  }

  /** The clock ages are measured with. */
  public CacheAsideBuilder<K, V> clock(InstantSource value) {
    clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /** Where background refreshes run (their own executor, never the caller's). */
  public CacheAsideBuilder<K, V> refreshExecutor(Executor value) {
    refreshes = Objects.requireNonNull(value, "refreshExecutor");
    return this;
  }

  /** The configuration as it stands. @throws IllegalArgumentException if a value is invalid */
  public CacheAsideConfig toConfig() {
    return new CacheAsideConfig(fresh, refreshAfter, refreshBatch, maxStale, negative, maximumSize);
  }

  /** Builds the reader. @throws IllegalArgumentException if a value is invalid */
  public Reader<K, V> build() {
    return new CacheAsideReader<>(toConfig(), owner, clock, refreshes);
  }
}
