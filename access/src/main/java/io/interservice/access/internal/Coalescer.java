package io.interservice.access.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs identical requests in flight once: the first caller does the work, the ones that arrive
 * while it runs wait for its result. Thread-safe.
 */
final class Coalescer<Q, R> {
  private final ConcurrentHashMap<Q, CompletableFuture<R>> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong joined = new AtomicLong();

  /** The result of {@code work} for {@code request}, shared with identical requests in flight. */
  R run(Q request, Supplier<R> work) {
    CompletableFuture<R> mine = new CompletableFuture<>();
    CompletableFuture<R> theirs = inFlight.putIfAbsent(request, mine);
    if (theirs != null) {
      joined.incrementAndGet();
      return theirs.join();
    }
    try {
      R result = work.get();
      mine.complete(result);
      return result;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(request, mine);
    }
  }

  /** How many calls joined a request already in flight. */
  long joined() {
    return joined.get();
  }
}
