package io.interservice.lab.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Outcomes per second of intended send time, over the measured part of a run. Thread-safe. */
public final class Timeline {
  private final int seconds;
  private final Map<Outcome, AtomicLongArray> counts = new EnumMap<>(Outcome.class);

  public Timeline(int seconds) {
    this.seconds = seconds;
    for (Outcome o : Outcome.values()) {
      counts.put(o, new AtomicLongArray(seconds));
    }
  }

  /** Counts one request meant for {@code secondOffset} seconds into the measured part. */
  public void record(double secondOffset, Outcome outcome) {
    int s = (int) Math.floor(secondOffset);
    if (s >= 0 && s < seconds) {
      counts.get(outcome).incrementAndGet(s);
    }
  }

  public int seconds() {
    return seconds;
  }

  /** Count of {@code outcome} in second {@code s}. */
  public long count(int s, Outcome outcome) {
    return counts.get(outcome).get(s);
  }

  /** Every request of second {@code s}. */
  public long total(int s) {
    long t = 0;
    for (Outcome o : Outcome.values()) {
      t += count(s, o);
    }
    return t;
  }

  /** Successes per second. */
  public List<Long> ok() {
    List<Long> list = new ArrayList<>(seconds);
    for (int s = 0; s < seconds; s++) {
      list.add(count(s, Outcome.OK));
    }
    return list;
  }

  /** Failures of any kind per second. */
  public List<Long> failed() {
    List<Long> list = new ArrayList<>(seconds);
    for (int s = 0; s < seconds; s++) {
      list.add(total(s) - count(s, Outcome.OK));
    }
    return list;
  }
}
