package io.interservice.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Price quotes computed asynchronously by a worker pool: soft state, in memory only. A quote is
 * kept {@code ttl} after it is done, then answered as gone for another {@code ttl}; a catalog
 * restart loses every quote. Thread-safe.
 */
final class Quotes implements AutoCloseable {

  /** A quote's state as the API reports it. */
  sealed interface State {
    /** Still being computed. */
    record Pending(UUID id) implements State {}

    /** Computed: the prices found and the skus unknown. */
    record Done(UUID id, List<PriceQuote> prices, List<String> unknown) implements State {}

    /** Expired: it existed, but is no longer kept. */
    record Gone(UUID id) implements State {}
  }

  /** Computes a quote for a set of skus. */
  @FunctionalInterface
  interface Pricer {
    State.Done price(UUID id, List<String> skus) throws Exception;
  }

  private record Entry(CompletableFuture<State.Done> result, Instant created) {}

  private final ExecutorService workers;
  private final Pricer pricer;
  private final InstantSource clock;
  private final Duration ttl;
  private final ConcurrentHashMap<UUID, Entry> quotes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<UUID, Instant> gone = new ConcurrentHashMap<>();

  Quotes(int workers, Pricer pricer, InstantSource clock, Duration ttl) {
    this.workers = Executors.newFixedThreadPool(workers);
    this.pricer = pricer;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** Starts a quote and waits up to {@code patience} for it: pending, or done at once. */
  State start(List<String> skus, Duration patience) throws InterruptedException {
    expire();
    UUID id = UUID.randomUUID();
    CompletableFuture<State.Done> result = new CompletableFuture<>();
    quotes.put(id, new Entry(result, clock.instant()));
    workers.execute(() -> {
      try {
        result.complete(pricer.price(id, skus));
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    });
    try {
      return result.get(patience.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return new State.Pending(id);
    } catch (ExecutionException e) {
      quotes.remove(id);
      throw new IllegalStateException("quote failed", e.getCause());
    }
  }

  /** The quote's state, or empty if it never existed (or was forgotten by a restart). */
  Optional<State> find(UUID id) {
    expire();
    Entry entry = quotes.get(id);
    if (entry == null) {
      return gone.containsKey(id) ? Optional.of(new State.Gone(id)) : Optional.empty();
    }
    if (!entry.result().isDone()) {
      return Optional.of(new State.Pending(id));
    }
    if (entry.result().isCompletedExceptionally()) {
      quotes.remove(id);
      return Optional.empty();
    }
    return Optional.of(entry.result().join());
  }

  private void expire() {
    Instant now = clock.instant();
    for (Map.Entry<UUID, Entry> e : quotes.entrySet()) {
      if (e.getValue().created().plus(ttl).isBefore(now) && e.getValue().result().isDone()) {
        quotes.remove(e.getKey());
        gone.put(e.getKey(), now);
      }
    }
    gone.values().removeIf(at -> at.plus(ttl).isBefore(now));
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
