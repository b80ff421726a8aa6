package io.interservice.access;

import io.interservice.access.internal.DirectReader;
import io.interservice.access.internal.WarmingReader;
import io.interservice.access.spi.OwnerCall;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Builds a reader that asks the owner directly on every read. Not thread-safe; the reader it builds
 * is.
 *
 * <p>Defaults: attempt timeout 500 ms, deadline 2 s, {@link RetryPolicy#DEFAULT}, {@link
 * BreakerPolicy#DEFAULT}, 64 concurrent owner requests, batches of 100 keys, coalescing on, the
 * system clock, a real sleeper and an unseeded random source.
 */
public final class DirectBuilder<K, V> {
  private Set<K> warmSample = Set.of();
  private int warmCalls;
  private final OwnerCall<K, V> call;
  private String owner;
  private Duration attemptTimeout = Duration.ofMillis(500);
  private Duration deadline = Duration.ofSeconds(2);
  private RetryPolicy retry = RetryPolicy.DEFAULT;
  private BreakerPolicy breaker = BreakerPolicy.DEFAULT;
  private int maxConcurrent = 64;
  private int maxBatchSize = 100;
  private boolean coalesce = true;
  private InstantSource clock = InstantSource.system();
  private Sleeper sleeper = Sleeper.system();
  private RandomGenerator random = RandomGenerator.getDefault();

  DirectBuilder(String owner, OwnerCall<K, V> call) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.call = Objects.requireNonNull(call, "call");
  }

  /** Starts from an existing configuration. */
  public DirectBuilder<K, V> config(DirectConfig config) {
    owner = config.owner();
    attemptTimeout = config.attemptTimeout();
    deadline = config.deadline();
    retry = config.retry();
    breaker = config.breaker();
    maxConcurrent = config.maxConcurrent();
    maxBatchSize = config.maxBatchSize();
    coalesce = config.coalesce();
    return this;
  }

  /** The longest one owner request may take. */
  public DirectBuilder<K, V> attemptTimeout(Duration value) {
    attemptTimeout = value;
    return this;
  }

  /** The longest a whole read may take, retries and backoff included. */
  public DirectBuilder<K, V> deadline(Duration value) {
    deadline = value;
    return this;
  }

  /** The retry policy; {@link RetryPolicy#NONE} disables retries. */
  public DirectBuilder<K, V> retry(RetryPolicy value) {
    retry = value;
    return this;
  }

  /** The circuit breaker policy. */
  public DirectBuilder<K, V> breaker(BreakerPolicy value) {
    breaker = value;
    return this;
  }

  /** Owner requests in flight at most. */
  public DirectBuilder<K, V> maxConcurrent(int value) {
    maxConcurrent = value;
    return this;
  }

  /** Keys per owner request at most. */
  public DirectBuilder<K, V> maxBatchSize(int value) {
    maxBatchSize = value;
    return this;
  }

  /** Whether identical reads in flight share one owner request. */
  public DirectBuilder<K, V> coalescing(boolean value) {
    coalesce = value;
    return this;
  }

  /** The clock deadlines and the breaker read. */
  public DirectBuilder<K, V> clock(InstantSource value) {
    clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /** How backoff waits. */
  public DirectBuilder<K, V> sleeper(Sleeper value) {
    sleeper = Objects.requireNonNull(value, "sleeper");
    return this;
  }

  /** Where jitter comes from; pass a seeded generator to replay a run. */
  public DirectBuilder<K, V> random(RandomGenerator value) {
    random = Objects.requireNonNull(value, "random");
    return this;
  }

  /** The configuration as it stands. @throws IllegalArgumentException if a value is invalid */
  public DirectConfig toConfig() {
    return new DirectConfig(
        owner, attemptTimeout, deadline, retry, breaker, maxConcurrent, maxBatchSize, coalesce);
  }

  /**
   * Has the reader warm its path before it reports {@link Reader#ready()}: {@code calls} owner
   * calls for {@code sample} (keys the owner may not know: an unknown key exercises the same path),
   * outside the breaker, 10 s at most. None by default.
   */
  public DirectBuilder<K, V> warmUp(Set<K> sample, int calls) {
    if (calls < 0 || (calls > 0 && sample.isEmpty())) {
      throw new IllegalArgumentException("warm-up needs sample keys and calls >= 0");
    }
    warmSample = Set.copyOf(sample);
    warmCalls = calls;
    return this;
  }

  /** Builds the reader. @throws IllegalArgumentException if a value is invalid */
  public Reader<K, V> build() {
    DirectConfig config = toConfig();
    Reader<K, V> reader = new DirectReader<>(config, call, clock, sleeper, random);
    return warmCalls == 0
        ? reader
        : new WarmingReader<>(
            reader, call, warmSample, warmCalls, config.attemptTimeout(), Duration.ofSeconds(10));
  }
}
