package io.interservice.owner.hazelcast;

import com.hazelcast.replicatedmap.ReplicatedMap;
import io.interservice.owner.outbox.OutboxEvent;
import io.interservice.owner.outbox.OutboxSink;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The owner as the single writer of a replicated map: loads it from the owner's data at start
 * ({@link #load()}, before the relay runs), then writes every change the outbox relays (so that a
 * change committed is a change replicated), and every {@code verifyEvery} compares the map with the
 * owner's data and repairs what differs: a value another member wrote, a key it added or removed.
 * Each value carries its version (see {@link Entry}); the writer remembers the version it last
 * wrote per key, so that a change relayed after a verification read the owner's data is not undone
 * by it. The map also holds {@link #LOADED}, written once the load is complete: a reader is ready
 * once it sees it. Thread-safe.
 */
public final class CacheWriter implements OutboxSink, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(CacheWriter.class.getName());

  /** The key a reader waits for: the owner has loaded the map. */
  public static final String LOADED = "_loaded";

  /**
   * What the owner holds for a key.
   *
   * @param version its version
   * @param value the map's value for it, in which the version is encoded
   */
  public record Entry(long version, String value) {}

  /** The owner's own data: the truth the map is verified against. */
  public interface Truth {
    /** Every key's current entry. */
    Map<String, Entry> all() throws Exception;

    /** Whether the owner has {@code key} now. */
    boolean has(String key) throws Exception;
  }

  private final ReplicatedMap<String, String> map;
  private final String topic;
  private final Function<OutboxEvent, String> encode;
  private final Truth truth;
  private final Duration verifyEvery;
  private final Map<String, Long> written = new ConcurrentHashMap<>();
  private final AtomicLong repaired = new AtomicLong();
  private final AtomicLong verifications = new AtomicLong();
  private final Thread verifier;

  /**
   * A writer of {@code map}, taking outbox changes of {@code topic} encoded by {@code encode},
   * verified against {@code truth} every {@code verifyEvery}.
   */
  public CacheWriter(
      ReplicatedMap<String, String> map,
      String topic,
      Function<OutboxEvent, String> encode,
      Truth truth,
      Duration verifyEvery) {
    this.map = map;
    this.topic = topic;
    this.encode = encode;
    this.truth = truth;
    this.verifyEvery = verifyEvery;
    this.verifier = Thread.ofPlatform().daemon().name("cache-verifier").unstarted(this::verifyLoop);
  }

  /** Loads the owner's data into the map, marks it loaded and starts verifying. */
  public void load() throws Exception {
    Map<String, Entry> all = truth.all();
    Map<String, String> values = new HashMap<>(all.size() * 2);
    all.forEach((k, e) -> {
      values.put(k, e.value());
      written.put(k, e.version());
    });
    map.putAll(values);
    map.put(LOADED, Integer.toString(all.size()));
    verifier.start();
  }

  @Override
  public synchronized void deliver(Connection tx, List<OutboxEvent> events) {
    for (OutboxEvent e : events) {
      if (!e.topic().equals(topic)) {
        continue;
      }
      Long before = written.get(e.key());
      if (before == null || before < e.version()) {
        map.put(e.key(), encode.apply(e));
        written.put(e.key(), e.version());
      }
    }
  }

  /**
   * Compares the map with the owner's data and repairs every difference the owner did not write.
   *
   * @return how many keys it repaired
   */
  public int verify() throws Exception {
    Map<String, Entry> owners = truth.all();
    int fixed = 0;
    for (Map.Entry<String, Entry> e : owners.entrySet()) {
      if (repair(e.getKey(), e.getValue())) {
        fixed++;
      }
    }
    for (String key : map.keySet()) {
      if (key.equals(LOADED) || owners.containsKey(key)) {
        continue;
      }
      // not in the owner's data as read: created since (then written here), or foreign
      if (!written.containsKey(key) && !truth.has(key)) {
        map.remove(key);
        fixed++;
      }
    }
    if (!map.containsKey(LOADED)) {
      map.put(LOADED, Integer.toString(owners.size()));
      fixed++;
    }
    repaired.addAndGet(fixed);
    verifications.incrementAndGet();
    return fixed;
  }

  /**
   * Puts the owner's {@code entry} of {@code key} if the map differs, unless a newer was relayed.
   */
  private synchronized boolean repair(String key, Entry entry) {
    Long mine = written.get(key);
    if (mine != null && mine > entry.version()) {
      return false; // relayed after the owner's data was read: newer than it
    }
    if (entry.value().equals(map.get(key))) {
      return false;
    }
    map.put(key, entry.value());
    written.put(key, entry.version());
    return true;
  }

  private void verifyLoop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(verifyEvery);
        int fixed = verify();
        if (fixed > 0) {
          LOG.warning("replicated cache: repaired " + fixed + " entries the owner did not write");
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        LOG.log(Level.WARNING, "replicated cache: verification failed; trying again", e);
      }
    }
  }

  /** Entries repaired so far: written by another member, or missing. */
  public long repaired() {
    return repaired.get();
  }

  /** Verifications done so far. */
  public long verifications() {
    return verifications.get();
  }

  @Override
  public void close() {
    verifier.interrupt();
  }
}
