package io.interservice.lab.run;

import java.net.URI;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the requests catalog served on the technique's owner endpoints (an allowlist such as
 * {@code GET /prices}, {@code gRPC GetPrices} or {@code counter price_requests_answered_total}),
 * from its {@code /metrics}: the lab's own requests (price changes, seeding, metrics, health) never
 * count. Survives restarts of catalog: call {@link #checkpoint()} before it stops, and counting
 * goes on from zero in the new process.
 */
final class OwnerRequests {
  private static final Pattern SAMPLE =
      Pattern.compile(
          "^http_server_requests_seconds_count\\{method=\"([A-Z]+)\",status=\"\\d+\",uri=\"([^\"]*)\"} ([0-9.eE+]+)$",
          Pattern.MULTILINE);
  private static final Pattern GRPC =
      Pattern.compile(
          "^grpc_server_requests_seconds_count\\{method=\"([A-Za-z]+)\",[^}]*} ([0-9.eE+]+)$",
          Pattern.MULTILINE);
  private static final Pattern COUNTER =
      Pattern.compile("^([a-z_]+_total)(?:\\{[^}]*})? ([0-9.eE+]+)$", Pattern.MULTILINE);
  private final URI catalog;
  private final Set<String> endpoints;
  private long banked;
  private long base;

  OwnerRequests(URI catalog, Set<String> endpoints) {
    this.catalog = catalog;
    this.endpoints = Set.copyOf(endpoints);
    this.base = scrape();
  }

  /** Adds what the running process counted since the last checkpoint; the next starts at 0. */
  synchronized void checkpoint() {
    banked += scrape() - base;
    base = 0;
  }

  /** Starts counting from now: what was counted before (the warm-up) is dropped. */
  synchronized void rebase() {
    banked = 0;
    base = scrape();
  }

  /** Reads counted since construction or the last {@link #rebase()}. */
  synchronized long total() {
    return banked + scrape() - base;
  }

  private long scrape() {
    // the owner is down: nothing more counted until it is back
    return MetricsPage.read(catalog).map(this::sum).orElse(base);
  }

  private long sum(String page) {
    long sum = 0;
    Matcher m = SAMPLE.matcher(page);
    while (m.find()) {
      if (endpoints.contains(m.group(1) + " " + m.group(2))) {
        sum += (long) Double.parseDouble(m.group(3));
      }
    }
    Matcher counter = COUNTER.matcher(page);
    while (counter.find()) {
      if (endpoints.contains("counter " + counter.group(1))) {
        sum += (long) Double.parseDouble(counter.group(2));
      }
    }
    Matcher g = GRPC.matcher(page);
    while (g.find()) {
      if (endpoints.contains("gRPC " + g.group(1))) {
        sum += (long) Double.parseDouble(g.group(2));
      }
    }
    return sum;
  }
}
