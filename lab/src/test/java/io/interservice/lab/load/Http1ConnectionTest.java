package io.interservice.lab.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Http1ConnectionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private ServerSocket server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void twoOrdersGoOverOneKeptAliveConnectionAndEachAnswerIsRead() throws Exception {
    URI url = serve(ok("{\"id\":1}"), ok("{\"id\":2}"));
    byte[] head = Http1Connection.postHead(url, "/orders", "Bearer t");

    try (Http1Connection c = Http1Connection.open(url, TIMEOUT)) {
      Orders.Answer first = c.post(head, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
      Orders.Answer second = c.post(head, "{\"b\":2}".getBytes(StandardCharsets.UTF_8), TIMEOUT);

      assertThat(first).isEqualTo(new Orders.Answer(201, "{\"id\":1}"));
      assertThat(second).isEqualTo(new Orders.Answer(201, "{\"id\":2}"));
      assertThat(c.reusable()).isTrue();
    }
    assertThat(requests.get(0))
        .startsWith("POST /orders HTTP/1.1\r\n")
        .contains("Authorization: Bearer t\r\n", "Content-Type: application/json\r\n")
        .endsWith("Content-Length: 7\r\n\r\n{\"a\":1}");
  }

  @Test
  void aChunkedAnswerIsReassembled() throws Exception {
    URI url =
        serve(
            "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"a\":\r\n3;x=y\r\n42}\r\n0\r\n\r\n");

    try (Http1Connection c = Http1Connection.open(url, TIMEOUT)) {
      Orders.Answer answer = c.post(head(url), new byte[] {'{', '}'}, TIMEOUT);

      assertThat(answer).isEqualTo(new Orders.Answer(400, "{\"a\":42}"));
    }
  }

  @Test
  void aConnectionTheServerClosesIsNotReused() throws Exception {
    URI url =
        serve("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");

    try (Http1Connection c = Http1Connection.open(url, TIMEOUT)) {
      assertThat(c.post(head(url), new byte[] {'{', '}'}, TIMEOUT).status()).isEqualTo(503);
      assertThat(c.reusable()).isFalse();
    }
  }

  @Test
  void noAnswerWithinTheTimeoutIsAnError() throws Exception {
    URI url = serve(); // reads the request, never answers

    try (Http1Connection c = Http1Connection.open(url, TIMEOUT)) {
      assertThatThrownBy(() -> c.post(head(url), new byte[] {'{', '}'}, Duration.ofMillis(200)))
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void anAnswerThatIsNotHttpIsAnError() throws Exception {
    URI url = serve("SSH-2.0-OpenSSH\r\n\r\n");

    try (Http1Connection c = Http1Connection.open(url, TIMEOUT)) {
      assertThatThrownBy(() -> c.post(head(url), new byte[] {'{', '}'}, TIMEOUT))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("status line");
    }
  }

  @Test
  void anAnswerCutShortIsAnError() throws Exception {
    URI url = serve("HTTP/1.1 201 Created\r\nContent-Length: 10\r\n\r\n{\"id\"", null);

    try (Http1Connection c = Http1Connection.open(url, TIMEOUT)) {
      assertThatThrownBy(() -> c.post(head(url), new byte[] {'{', '}'}, TIMEOUT))
          .isInstanceOf(IOException.class);
    }
  }

  private static byte[] head(URI url) {
    return Http1Connection.postHead(url, "/orders", "Bearer t");
  }

  private static String ok(String body) {
    return "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length()
        + "\r\n\r\n"
        + body;
  }

  /**
   * A server on 127.0.0.1 that takes one connection and gives the answers in turn, one per request
   * read; a null answer closes the connection instead, no answer at all leaves the request
   * unanswered.
   */
  private URI serve(String... answers) throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(() -> {
          try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            for (String answer : answers) {
              if (answer == null) {
                return;
              }
              requests.add(request(in));
              s.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
              s.getOutputStream().flush();
            }
            if (answers.length == 0) {
              requests.add(request(in));
              Thread.sleep(5_000);
            }
          } catch (IOException | InterruptedException e) {
            // the test is over
          }
        });
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** One request: its head, then as many body bytes as its Content-Length says. */
  private static String request(InputStream in) throws IOException {
    ByteArrayOutputStream r = new ByteArrayOutputStream();
    while (!r.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed");
      }
      r.write(b);
    }
    String head = r.toString(StandardCharsets.US_ASCII);
    int at = head.indexOf("Content-Length: ") + "Content-Length: ".length();
    int length = Integer.parseInt(head.substring(at, head.indexOf('\r', at)));
    return head + new String(in.readNBytes(length), StandardCharsets.US_ASCII);
  }
}
