package io.interservice.access.internal;

import io.interservice.access.DirectConfig;
import io.interservice.access.Read;
import io.interservice.access.Read.Reason;
import io.interservice.access.Reader;
import io.interservice.access.ReaderStats;
import io.interservice.access.Sleeper;
import io.interservice.access.Versioned;
import io.interservice.access.spi.OwnerCall;
import io.interservice.access.spi.OwnerRejectedException;
import io.interservice.protocol.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * Asks the owner on every read. The layers, outermost first: coalescing, then per attempt the
 * concurrency limit, the circuit breaker and the attempt timeout, with retries (backoff, budget)
 * around the attempts and the overall deadline around everything.
 */
public final class DirectReader<K, V> implements Reader<K, V> {
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private final DirectConfig config;
  private final OwnerCall<K, V> call;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final RetryBudget budget;
  private final CircuitBreaker breaker;
  private final Semaphore bulkhead;
  private final Coalescer<Set<K>, Read<K, V>> coalescer = new Coalescer<>();
  private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
  private final LongAdder reads = new LongAdder();
  private final LongAdder ownerCalls = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder unavailable = new LongAdder();

  /** Builds the reader; use {@link io.interservice.access.Access#direct} instead. */
  public DirectReader(
      DirectConfig config,
      OwnerCall<K, V> call,
      InstantSource clock,
      Sleeper sleeper,
      RandomGenerator random) {
    this.config = config;
    this.call = call;
    this.clock = clock;
    this.sleeper = sleeper;
    this.backoff = new Backoff(config.retry().baseDelay(), config.retry().maxDelay(), random);
    this.budget = new RetryBudget(config.retry());
    this.breaker = new CircuitBreaker(config.breaker(), clock);
    this.bulkhead = new Semaphore(config.maxConcurrent());
  }

  @Override
  public Read<K, V> read(Set<K> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("read of no keys from " + config.owner());
    }
    reads.increment();
    budget.deposit();
    Read<K, V> result = readAll(Set.copyOf(keys));
    if (result instanceof Read.Unavailable<K, V>) {
      unavailable.increment();
    }
    return result;
  }

  @Override
  public ReaderStats stats() {
    return new ReaderStats(
        reads.sum(),
        ownerCalls.sum(),
        retries.sum(),
        coalescer.joined(),
        rejected.sum(),
        unavailable.sum());
  }

  /** The breaker's state, for tests and diagnostics. */
  CircuitBreaker.State breakerState() {
    return breaker.state();
  }

  private Read<K, V> readAll(Set<K> keys) {
    if (keys.size() <= config.maxBatchSize()) {
      return coalesced(keys);
    }
    Map<K, Versioned<V>> values = new HashMap<>();
    Set<K> unknown = new HashSet<>();
    for (Set<K> chunk : chunks(keys)) {
      switch (coalesced(chunk)) {
        case Read.Found<K, V> found -> {
          values.putAll(found.values());
          unknown.addAll(found.unknown());
        }
        case Read.Unavailable<K, V> down -> {
          return down;
        }
      }
    }
    return new Read.Found<>(values, unknown);
  }

  private List<Set<K>> chunks(Set<K> keys) {
    List<Set<K>> chunks = new ArrayList<>();
    List<K> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += config.maxBatchSize()) {
      int to = Math.min(all.size(), from + config.maxBatchSize());
      chunks.add(Set.copyOf(all.subList(from, to)));
    }
    return chunks;
  }

  private Read<K, V> coalesced(Set<K> keys) {
    return config.coalesce() ? coalescer.run(keys, () -> withRetries(keys)) : withRetries(keys);
  }

  private Read<K, V> withRetries(Set<K> keys) {
    Instant deadlineAt = clock.instant().plus(config.deadline());
    String lastFailure = "no attempt made";
    for (int attempt = 1; ; attempt++) {
      Duration remaining = Duration.between(clock.instant(), deadlineAt);
      if (remaining.isNegative() || remaining.isZero()) {
        return down(
            Reason.DEADLINE_EXCEEDED,
            "deadline of " + config.deadline() + " passed; last: " + lastFailure,
            DEFAULT_RETRY_AFTER);
      }
      if (!bulkhead.tryAcquire()) {
        rejected.increment();
        return down(
            Reason.OVERLOADED,
            config.maxConcurrent() + " requests already in flight",
            DEFAULT_RETRY_AFTER);
      }
      try {
        CircuitBreaker.Permit permit = breaker.tryAcquire();
        if (!permit.granted()) {
          rejected.increment();
          return down(
              Reason.CIRCUIT_OPEN,
              "circuit breaker open after repeated failures; last: " + lastFailure,
              permit.retryAfter());
        }
        ownerCalls.increment();
        if (attempt > 1) {
          retries.increment();
        }
        Duration timeout =
            remaining.compareTo(config.attemptTimeout()) < 0 ? remaining : config.attemptTimeout();
        Read.Found<K, V> found = attempt(keys, timeout);
        breaker.onSuccess();
        return found;
      } catch (OwnerRejectedException e) {
        breaker.onSuccess();
        return down(Reason.REJECTED, "refused the request: " + e.getMessage(), DEFAULT_RETRY_AFTER);
      } catch (TimeoutException e) {
        breaker.onFailure();
        lastFailure = "attempt " + attempt + " timed out";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return down(Reason.OWNER_FAILED, "interrupted", DEFAULT_RETRY_AFTER);
      } catch (Exception e) {
        breaker.onFailure();
        lastFailure = "attempt " + attempt + " failed: " + e;
      } finally {
        bulkhead.release();
      }
      if (attempt >= config.retry().maxAttempts()) {
        return down(
            Reason.OWNER_FAILED,
            attempt + " attempts failed; last: " + lastFailure,
            DEFAULT_RETRY_AFTER);
      }
      if (!budget.tryWithdraw()) {
        return down(
            Reason.OWNER_FAILED,
            "retry budget exhausted; last: " + lastFailure,
            DEFAULT_RETRY_AFTER);
      }
      Duration delay = backoff.delay(attempt);
      if (!clock.instant().plus(delay).isBefore(deadlineAt)) {
        return down(
            Reason.DEADLINE_EXCEEDED,
            "deadline of " + config.deadline() + " would pass during backoff; last: " + lastFailure,
            DEFAULT_RETRY_AFTER);
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return down(Reason.OWNER_FAILED, "interrupted", DEFAULT_RETRY_AFTER);
      }
    }
  }

  /**
   * One call to the owner, ended at {@code timeout} whatever the call does with it. On a virtual
   * thread (a request's, in a service) the call runs on the caller's thread and is interrupted at
   * its timeout; on another thread, which a blocked socket read would not heed, it runs on a
   * virtual thread of its own, abandoned at its timeout.
   */
  private Read.Found<K, V> attempt(Set<K> keys, Duration timeout) throws Exception {
    if (!Thread.currentThread().isVirtual()) {
      return attemptOnItsOwnThread(keys, timeout);
    }
    AttemptTimer.Armed timer = AttemptTimer.arm(timeout);
    Read.Found<K, V> found;
    try {
      found = call.fetch(keys, timeout);
    } catch (Exception e) {
      if (timer.disarm()) {
        TimeoutException timedOut = new TimeoutException("no answer within " + timeout);
        timedOut.initCause(e);
        throw timedOut;
      }
      throw e;
    } catch (Error e) {
      timer.disarm();
      throw e;
    }
    // an answer that came as the time ran out is still the owner's answer
    timer.disarm();
    return answering(keys, found);
  }

  private Read.Found<K, V> attemptOnItsOwnThread(Set<K> keys, Duration timeout) throws Exception {
    Future<Read.Found<K, V>> future = attempts.submit(() -> call.fetch(keys, timeout));
    try {
      return answering(keys, future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * The owner's answer, if it answers exactly what was asked: every key found or unknown, and no
   * key that was not asked for (a confused or hostile owner fails the attempt instead).
   */
  private static <K, V> Read.Found<K, V> answering(Set<K> keys, Read.Found<K, V> found)
      throws java.io.IOException {
    for (K key : found.values().keySet()) {
      if (!keys.contains(key) || found.unknown().contains(key)) {
        throw new java.io.IOException("the owner answered for '" + key + "', not asked or unknown");
      }
    }
    for (K key : found.unknown()) {
      if (!keys.contains(key)) {
        throw new java.io.IOException("the owner called '" + key + "' unknown, not asked");
      }
    }
    if (found.values().size() + found.unknown().size() != keys.size()) {
      throw new java.io.IOException("the owner did not answer for every key asked");
    }
    return found;
  }

  private Read<K, V> down(Reason reason, String detail, Duration retryAfter) {
    return new Read.Unavailable<>(
        config.owner(), reason, config.owner() + ": " + detail, retryAfter);
  }
}
