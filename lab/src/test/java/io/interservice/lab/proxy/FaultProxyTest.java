package io.interservice.lab.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against a real echo server on loopback. */
class FaultProxyTest {
  private ServerSocket echo;
  private FaultProxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(() -> {
          while (!echo.isClosed()) {
            try {
              Socket s = echo.accept();
              Thread.ofVirtual()
                  .start(() -> {
                    try (s;
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream()) {
                      in.transferTo(out);
                    } catch (IOException e) {
                      // the test closed it
                    }
                  });
            } catch (IOException e) {
              return;
            }
          }
        });
    proxy = FaultProxy.start(echo.getLocalPort(), 42);
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void passesBytesUnchangedWhileNormal() throws IOException {
    try (Socket s = connect()) {
      assertThat(roundTrip(s, "hello")).isEqualTo("hello");
    }
  }

  @Test
  void delaysTheAnswersOfEveryConnectionOnceSlowedAndNoLongerOnceNormal() throws IOException {
    try (Socket s = connect()) {
      roundTrip(s, "warm");
      proxy.behave(NetworkBehavior.latency(Duration.ofMillis(300)));
      long start = System.nanoTime();
      assertThat(roundTrip(s, "slow")).isEqualTo("slow");
      assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);

      proxy.behave(NetworkBehavior.NORMAL);
      start = System.nanoTime();
      roundTrip(s, "fast");
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(300);
    }
  }

  @Test
  void aBlackHoleAnswersNothingAndKeepsTheConnectionOpen() throws IOException {
    proxy.behave(new NetworkBehavior(Duration.ZERO, 1, false, true));
    try (Socket s = connect()) {
      s.setSoTimeout(300);
      s.getOutputStream().write("lost".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> s.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void aResetClosesTheAffectedConnection() throws IOException {
    proxy.behave(new NetworkBehavior(Duration.ZERO, 1, true, false));
    try (Socket s = connect()) {
      s.setSoTimeout(2000);
      s.getOutputStream().write("x".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(
              () -> {
                if (s.getInputStream().read() == -1) {
                  throw new SocketException("closed");
                }
              })
          .isInstanceOf(SocketException.class);
    }
  }

  @Test
  void aShareAffectsOnlyTheConnectionsThatDrewBelowIt() throws IOException {
    proxy.behave(new NetworkBehavior(Duration.ZERO, 0.5, false, true));
    int answered = 0;
    for (int i = 0; i < 40; i++) {
      try (Socket s = connect()) {
        s.setSoTimeout(200);
        s.getOutputStream().write("?".getBytes(StandardCharsets.UTF_8));
        try {
          if (s.getInputStream().read() == '?') {
            answered++;
          }
        } catch (SocketTimeoutException e) {
          // black-holed
        }
      }
    }
    assertThat(answered).as("about half of 40 answered").isBetween(10, 30);
  }

  private Socket connect() throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), proxy.port());
  }

  private static String roundTrip(Socket s, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    s.getOutputStream().write(bytes);
    s.getOutputStream().flush();
    byte[] back = s.getInputStream().readNBytes(bytes.length);
    return new String(back, StandardCharsets.UTF_8);
  }
}
