package io.interservice.lab.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private final URI metrics;
  private volatile long atOpen = -1;
  private volatile long atClose = -1;

  ConsumerCalls(URI checkout) {
    this.metrics = checkout.resolve("/metrics");
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
    try {
      String text =
          HTTP.send(
                  HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = CALLS.matcher(text);
      return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
