package io.interservice.owner.outbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * The relay's watermarks: which instant it may claim that every change committed before it has been
 * relayed.
 *
 * <p>A change's own timestamp cannot say so: it is taken inside its transaction, before the commit,
 * so a change dated early may commit late (the commit-order trap). Transaction ids can. Each pass
 * notes a candidate: the database clock T, then, in a later statement, {@code xmax} = the first
 * transaction id not yet assigned. A transaction that committed before T had its id before T, so
 * its id is below {@code xmax}. Once a later snapshot's {@code xmin} (the oldest transaction still
 * in flight) reaches {@code xmax}, every one of those transactions has ended, and a pass that read
 * every row below that {@code xmin} has relayed their changes: T may be claimed. A transaction left
 * open holds every later watermark back, which is safe: readers see their watermark age and stop
 * trusting the replica. Not thread-safe: the relay's thread only.
 */
final class Watermarks {
  private record Candidate(Instant at, long xmax) {}

  private static final int MAX_PENDING = 1024;

  private final Deque<Candidate> pending = new ArrayDeque<>();
  private @Nullable Instant claimed;

  /** A candidate: the clock read {@code at}, then the first unassigned transaction id. */
  void note(Instant at, long xmax) {
    Candidate last = pending.peekLast();
    if (last != null && last.xmax() == xmax) {
      pending.removeLast(); // nothing was assigned in between: the newer instant says more
    }
    pending.addLast(new Candidate(at, xmax));
    if (pending.size() > MAX_PENDING) {
      pending.removeFirst(); // held back that long, a later (stricter) candidate will do
    }
  }

  /**
   * The newest candidate every transaction below {@code xmin} makes true, if it is newer than the
   * last claimed; called once every row of a transaction below {@code xmin} has been relayed.
   */
  @Nullable Instant claim(long xmin) {
    Candidate newest = null;
    while (!pending.isEmpty() && pending.peekFirst().xmax() <= xmin) {
      newest = pending.removeFirst();
    }
    if (newest == null || (claimed != null && !newest.at().isAfter(claimed))) {
      return null;
    }
    claimed = newest.at();
    return claimed;
  }
}
