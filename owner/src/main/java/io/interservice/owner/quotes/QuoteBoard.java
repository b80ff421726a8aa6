package io.interservice.owner.quotes;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Work computed asynchronously by a worker pool and held as soft state, in memory only: a result is
 * kept {@code ttl} after its work was started, then answered as gone for another {@code ttl}, then
 * forgotten. Nothing survives a restart. Thread-safe.
 *
 * @param <R> the result type
 */
public final class QuoteBoard<R> implements AutoCloseable {

  /** A quote's state. */
  public sealed interface State<R> {
    /** The quote's id. */
    UUID id();

    /** Still being computed. */
    record Pending<R>(UUID id) implements State<R> {}

    /** Computed. */
    record Done<R>(UUID id, R result) implements State<R> {}

    /** It existed, but is no longer kept. */
    record Gone<R>(UUID id) implements State<R> {}
  }

  private record Entry<R>(CompletableFuture<R> result, Instant created) {}

  private final ThreadPoolExecutor workers;
  private final int maxQueued;
  private final InstantSource clock;
  private final Duration ttl;
  private final ConcurrentHashMap<UUID, Entry<R>> quotes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<UUID, Instant> gone = new ConcurrentHashMap<>();

  /** The board's queue is full: the caller should answer "busy, try later". */
  public static final class BusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BusyException(int queued) {
      super("the quote board is full: " + queued + " quotes wait for a worker");
    }
  }

  /**
   * A board computing on {@code workers} threads with at most {@code maxQueued} quotes waiting for
   * one, keeping results {@code ttl}.
   */
  public QuoteBoard(int workers, int maxQueued, InstantSource clock, Duration ttl) {
    if (workers < 1 || maxQueued < 1 || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("need workers >= 1, maxQueued >= 1 and a positive ttl");
    }
    this.maxQueued = maxQueued;
    this.workers =
        new ThreadPoolExecutor(
            workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(maxQueued));
    this.clock = clock;
    this.ttl = ttl;
  }

  /**
   * Starts {@code work} and waits up to {@code patience} for it.
   *
   * @return done when it finished in time, else pending
   * @throws IllegalStateException when the work failed within the patience
   * @throws BusyException when {@code maxQueued} quotes wait already (nothing is started)
   */
  public State<R> start(Callable<R> work, Duration patience) throws InterruptedException {
    expire();
    UUID id = UUID.randomUUID();
    CompletableFuture<R> result = new CompletableFuture<>();
    try {
      workers.execute(() -> {
        try {
          result.complete(work.call());
        } catch (Exception e) {
          result.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      throw new BusyException(maxQueued);
    }
    quotes.put(id, new Entry<>(result, clock.instant()));
    try {
      return new State.Done<>(id, result.get(patience.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return new State.Pending<>(id);
    } catch (ExecutionException e) {
      quotes.remove(id);
      throw new IllegalStateException("quote " + id + " failed", e.getCause());
    }
  }

  /** The quote's state, or empty if it never existed, failed, or was forgotten. */
  public Optional<State<R>> find(UUID id) {
    expire();
    Entry<R> entry = quotes.get(id);
    if (entry == null) {
      return gone.containsKey(id) ? Optional.of(new State.Gone<>(id)) : Optional.empty();
    }
    if (!entry.result().isDone()) {
      return Optional.of(new State.Pending<>(id));
    }
    if (entry.result().isCompletedExceptionally()) {
      quotes.remove(id);
      return Optional.empty();
    }
    return Optional.of(new State.Done<>(id, entry.result().join()));
  }

  private void expire() {
    Instant now = clock.instant();
    for (Map.Entry<UUID, Entry<R>> e : quotes.entrySet()) {
      if (e.getValue().created().plus(ttl).isBefore(now) && e.getValue().result().isDone()) {
        quotes.remove(e.getKey());
        gone.put(e.getKey(), now);
      }
    }
    gone.values().removeIf(at -> at.plus(ttl).isBefore(now));
  }

  /** Stops the workers. */
  @Override
  public void close() {
    workers.shutdownNow();
  }
}
