package io.interservice.checkout.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.interservice.access.http.LimitedAnswer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelidonExchangeTest {
  private HttpServer owner;
  private final HelidonExchange http = new HelidonExchange(Duration.ofSeconds(1));

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
  void stopOwner() {
    owner.stop(0);
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
}
