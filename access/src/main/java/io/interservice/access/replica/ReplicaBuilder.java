package io.interservice.access.replica;

import io.interservice.access.Source;
import io.interservice.access.spi.ChangeFeed;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Builds a {@link Replica} and starts its feed. Not thread-safe; the replica is.
 *
 * <p>Defaults: source {@link Source#REPLICA}, a value digest of {@code value.hashCode()} (set one
 * that the owner computes alike when the feed reconciles), the system clock.
 */
public final class ReplicaBuilder<K, V> {
  private final String owner;
  private final ChangeFeed<K, V> feed;
  private Source source = Source.REPLICA;
  private ToLongFunction<V> digest = V::hashCode;
  private InstantSource clock = InstantSource.system();

  /** Use {@link io.interservice.access.Access#replica}. */
  public ReplicaBuilder(String owner, ChangeFeed<K, V> feed) {
    if (Objects.requireNonNull(owner, "owner").isBlank()) {
      throw new IllegalArgumentException("owner must not be blank");
    }
    this.owner = owner;
    this.feed = Objects.requireNonNull(feed, "feed");
  }

  /** What the replica's values say they came from. */
  public ReplicaBuilder<K, V> source(Source value) {
    source = Objects.requireNonNull(value, "source");
    return this;
  }

  /** The digest of a value that checksums include; owner and replica must compute it alike. */
  public ReplicaBuilder<K, V> digest(ToLongFunction<V> value) {
    digest = Objects.requireNonNull(value, "digest");
    return this;
  }

  /** The replica's clock (tests pass a fake one). */
  public ReplicaBuilder<K, V> clock(InstantSource value) {
    clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /** The replica, its feed started. */
  public Replica<K, V> build() {
    Replica<K, V> replica = new Replica<>(owner, source, digest, clock, feed);
    replica.start();
    return replica;
  }
}
