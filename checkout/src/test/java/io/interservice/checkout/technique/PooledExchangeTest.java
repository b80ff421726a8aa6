package io.interservice.checkout.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.interservice.access.http.LimitedAnswer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PooledExchangeTest {
  private HttpServer owner;
  private final PooledExchange http = new PooledExchange(Duration.ofSeconds(1));

  @BeforeEach
  void startOwner() throws IOException {
    owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    owner.createContext(
        "/echo",
        exchange -> {
          byte[] asked = exchange.getRequestBody().readAllBytes();
          byte[] body =
              (exchange.getRequestMethod()
                      + " "
                      + exchange.getRequestHeaders().getFirst("Authorization")
                      + " "
                      + new String(asked, StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Location", "/quotes/7");
          exchange.getResponseHeaders().add("Retry-After", "0");
          exchange.sendResponseHeaders(202, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    owner.start();
  }

  @AfterEach
  void stopOwner() throws IOException {
    owner.stop(0);
    http.close();
  }

  private URI echo() {
    return URI.create("http://127.0.0.1:" + owner.getAddress().getPort() + "/echo");
  }

  @Test
  void sendsTheMethodHeadersAndBodyAndReadsStatusHeadersAndBody() throws Exception {
    LimitedAnswer answer =
        http.send(
            "POST",
            echo(),
            Map.of("Authorization", "Bearer t", "Content-Type", "application/json"),
            "{\"skus\":[\"SKU-1\"]}".getBytes(StandardCharsets.UTF_8),
            Duration.ofSeconds(1),
            1024);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8))
        .isEqualTo("POST Bearer t {\"skus\":[\"SKU-1\"]}");
    assertThat(answer.headers().firstValue("location")).contains("/quotes/7");
    assertThat(answer.headers().firstValueAsLong("Retry-After")).hasValue(0);
  }

  @Test
  void aGetCarriesNoBody() throws Exception {
    LimitedAnswer answer =
        http.send(
            "GET", echo(), Map.of("Authorization", "Bearer t"), null, Duration.ofSeconds(1), 1024);

    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("GET Bearer t ");
  }

  @Test
  void anAnswerLargerThanTheLimitIsRefused() {
    assertThatThrownBy(() ->
            http.send(
                "POST",
                echo(),
                Map.of("Authorization", "Bearer t"),
                "x".repeat(100).getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(1),
                50))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("more than 50 bytes");
  }

  @Test
  void aKeptAliveConnectionTheOwnerClosedIsAskedAgainOnAnother() throws Exception {
    // answers one request per connection, then closes it without saying so
    try (ServerSocket closing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger connections = new AtomicInteger();
      Thread.ofVirtual()
          .start(() -> {
            while (!closing.isClosed()) {
              try (Socket s = closing.accept()) {
                connections.incrementAndGet();
                BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                for (String line = in.readLine(); line != null && !line.isEmpty(); ) {
                  line = in.readLine();
                }
                s.getOutputStream()
                    .write(
                        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
              } catch (IOException stopped) {
                return;
              }
            }
          });
      URI uri = URI.create("http://127.0.0.1:" + closing.getLocalPort() + "/prices");

      for (int i = 0; i < 3; i++) {
        LimitedAnswer answer = http.send("GET", uri, Map.of(), null, Duration.ofSeconds(1), 64);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.US_ASCII)).isEqualTo("ok");
      }
      assertThat(connections).hasValue(3);
    }
  }

  @Test
  void anAnswerDeclaredLargerThanTheLimitIsRefusedUnread() throws Exception {
    owner.createContext(
        "/large",
        exchange -> {
          exchange.sendResponseHeaders(200, 1_000_000);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(new byte[1_000_000]);
          } catch (IOException clientGaveUp) {
            // the client closed the connection: what it should do
          }
        });
    URI large = URI.create("http://127.0.0.1:" + owner.getAddress().getPort() + "/large");

    assertThatThrownBy(() -> http.send("GET", large, Map.of(), null, Duration.ofSeconds(1), 50))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("GET /large answered more than 50 bytes");
  }
}
