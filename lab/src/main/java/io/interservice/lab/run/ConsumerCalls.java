package io.interservice.lab.run;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests checkout's reader sent to catalog while a fault window lasted, from checkout's own
 * counter ({@code interservice_reader_owner_calls_total}): unlike catalog's, it counts while
 * catalog is dead. Thread-safe.
 */
final class ConsumerCalls {
  private static final Pattern CALLS =
      Pattern.compile(
          "^interservice_reader_owner_calls_total\\{owner=\"catalog\"} ([0-9.eE+]+)$",
          Pattern.MULTILINE);
  private final URI checkout;
  private volatile long atOpen = -1;
  private volatile long atClose = -1;

  ConsumerCalls(URI checkout) {
    this.checkout = checkout;
  }

  void open() {
    atOpen = scrape();
  }

  void close() {
    atClose = scrape();
  }

  /** The calls between {@link #open()} and {@link #close()}, or -1 when either was not counted. */
  long inWindow() {
    return atOpen < 0 || atClose < 0 ? -1 : atClose - atOpen;
  }

  private long scrape() {
    return MetricsPage.read(checkout)
        .map(CALLS::matcher)
        .filter(Matcher::find)
        .map(m -> (long) Double.parseDouble(m.group(1)))
        .orElse(-1L);
  }
}
