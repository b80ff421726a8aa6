package io.interservice.checkout.technique;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections that go idle and are taken again together, many at once, as after a pause in load:
 * catalog did nothing wrong, so no call may fail. (Helidon 4.5's client, used before, failed some
 * of them with {@code Exception in socket monitor thread}: a race between the idle monitor it
 * starts per cached connection and the request that took the connection.) Real sockets and real
 * idle time.
 */
class IdleConnectionTest {
  private static final String PRICE =
      "{\"sku\":\"SKU-1\",\"price\":100,\"currency\":\"USD\",\"version\":3,\"asOf\":\"2026-01-01T00:00:00Z\"}";
  private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

  private final AtomicInteger served = new AtomicInteger();
  private HttpServer owner;
  private CatalogHttpClient client;

  @BeforeEach
  void startOwner() throws Exception {
    owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    owner.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    owner.createContext(
        "/prices",
        exchange -> {
          served.incrementAndGet();
          byte[] body =
              ("{\"prices\":[" + PRICE + "],\"unknown\":[]}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    owner.start();
    client =
        new CatalogHttpClient(
            "http://127.0.0.1:" + owner.getAddress().getPort(),
            Duration.ofSeconds(1),
            () -> "Bearer test");
  }

  @AfterEach
  void stopOwner() {
    owner.stop(0);
  }

  @Test
  void connectionsTakenAgainTogetherAfterIdlingDoNotFailTheCalls() throws Exception {
    List<String> failures = new CopyOnWriteArrayList<>();
    // 32 calls at once keep 32 connections; each pause lets them all idle, then all are taken again
    for (long idleMs : new long[] {200, 490, 505, 300, 510, 450, 520}) {
      try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int c = 0; c < 32; c++) {
          calls.submit(() -> {
            try {
              client.fetch(Set.of("SKU-1"), READ_TIMEOUT);
            } catch (Exception e) {
              failures.add(e.toString());
            }
          });
        }
      }
      Thread.sleep(idleMs);
    }

    assertThat(failures).isEmpty();
  }

  @Test
  void aCallOnAFreshConnectionIsAskedOnce() throws Exception {
    client.fetch(Set.of("SKU-1"), READ_TIMEOUT);

    assertThat(served).hasValue(1);
  }
}
