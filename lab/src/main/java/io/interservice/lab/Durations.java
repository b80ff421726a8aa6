package io.interservice.lab;

import java.time.Duration;

/** Durations as the command line writes them: {@code 250ms}, {@code 30s}, {@code 2m}. */
final class Durations {
  private Durations() {}

  /** Parses {@code 250ms}, {@code 30s}, {@code 2m} or ISO-8601; rejects negative values. */
  static Duration parse(String v) {
    String s = v.trim();
    Duration d;
    if (s.startsWith("P") || s.startsWith("p")) {
      d = Duration.parse(s);
    } else if (s.endsWith("ms")) {
      d = Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
    } else if (s.endsWith("s")) {
      d = Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
    } else if (s.endsWith("m")) {
      d = Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
    } else {
      throw new IllegalArgumentException(v);
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException(v);
    }
    return d;
  }
}
