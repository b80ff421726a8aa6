package io.interservice.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 instants in UTC ({@code 2026-11-30T12:00:00.123456Z}) read and written by hand, as
 * {@link Instant#parse} and {@link Instant#toString} would: the JDK's formatter took 8 % of
 * checkout's CPU reading the prices of each order and 3 % writing its lines (docs/benchmarks.md).
 * What the hand-written paths do not cover (offsets, leap seconds, years of other than four digits
 * when read, outside 1970–9999 when written) goes to the JDK.
 */
public final class IsoInstants {
  private IsoInstants() {}

  /**
   * The instant {@code text} names.
   *
   * @throws DateTimeException when it names none
   */
  public static Instant parse(String text) {
    int n = text.length();
    if (n < 20
        || n > 30
        || n == 21
        || text.charAt(n - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || (n > 20 && text.charAt(19) != '.')
        || text.charAt(17) == '6') { // a leap second, which the JDK reads as the second before
      return Instant.parse(text);
    }
    int nanos = 0;
    for (int i = 20; i < 29; i++) {
      nanos = nanos * 10 + (i < n - 1 ? digit(text, i) : 0);
    }
    return LocalDateTime.of(
            number(text, 0, 4),
            number(text, 5, 7),
            number(text, 8, 10),
            number(text, 11, 13),
            number(text, 14, 16),
            number(text, 17, 19),
            nanos)
        .toInstant(ZoneOffset.UTC);
  }

  /** {@code instant} as {@link Instant#toString} writes it: fractions in groups of three digits. */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds > LAST_SECOND_OF_9999) {
      return instant.toString();
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    int nanos = instant.getNano();
    StringBuilder out = new StringBuilder(30);
    pad(out, t.getYear(), 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append('T');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2);
    if (nanos != 0) {
      out.append('.');
      if (nanos % 1_000_000 == 0) {
        pad(out, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        pad(out, nanos / 1_000, 6);
      } else {
        pad(out, nanos, 9);
      }
    }
    return out.append('Z').toString();
  }

  /** 9999-12-31T23:59:59Z. */
  private static final long LAST_SECOND_OF_9999 = 253_402_300_799L;

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + digit(text, i);
    }
    return value;
  }

  private static int digit(String text, int i) {
    char c = text.charAt(i);
    if (c < '0' || c > '9') {
      throw new DateTimeException("'" + text + "' is not an instant: '" + c + "' at " + i);
    }
    return c - '0';
  }
}
