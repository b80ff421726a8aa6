package io.interservice.lab.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection of the load generator: writes a {@code POST} whose head is
 * built once per client, reads the status, the headers it needs ({@code Content-Length}, {@code
 * Transfer-Encoding: chunked}, {@code Connection: close}) and the body. Like the load tools that
 * measure servers (wrk, h2load), it does no more than a load needs, so that the generator's own CPU
 * does not crowd the system it measures off the machine's cores. Anything it does not understand is
 * an {@link IOException}, after which the connection must be closed. One request at a time.
 */
final class Http1Connection implements Closeable {
  /** The longest head and body it reads; checkout's answers are a few hundred bytes. */
  private static final int MAX_HEAD = 16 * 1024;

  private static final int MAX_BODY = 1024 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private boolean open = true;
  private long lastUsedNanos = System.nanoTime();

  private Http1Connection(Socket socket) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    this.in = new BufferedInputStream(socket.getInputStream(), 8192);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
  }

  /** A connection to {@code url}'s host and port, within {@code connectTimeout}. */
  static Http1Connection open(URI url, Duration connectTimeout) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(
          new InetSocketAddress(url.getHost(), url.getPort()), (int) connectTimeout.toMillis());
      return new Http1Connection(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * The head of a {@code POST} of a JSON body to {@code path} on {@code url}, with {@code
   * authorization}, up to (not including) its {@code Content-Length} header.
   */
  static byte[] postHead(URI url, String path, String authorization) {
    return ("POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + url.getHost()
            + ":"
            + url.getPort()
            + "\r\nContent-Type: application/json\r\nAuthorization: "
            + authorization
            + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Sends {@code head} (from {@link #postHead}) with {@code body} and reads the answer within
   * {@code timeout} of each read.
   *
   * @throws IOException when the exchange fails or the answer is not HTTP/1.1 as expected
   */
  Orders.Answer post(byte[] head, byte[] body, Duration timeout) throws IOException {
    socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
    out.write(head);
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    int status = status(line());
    long length = -1;
    boolean chunked = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header: " + header);
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = parseLength(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
        case "connection" -> open &= !value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    byte[] answer;
    if (chunked) {
      answer = chunks();
    } else if (length >= 0) {
      answer = exactly(length);
    } else {
      throw new IOException("an answer without Content-Length or chunked encoding");
    }
    lastUsedNanos = System.nanoTime();
    return new Orders.Answer(status, new String(answer, StandardCharsets.UTF_8));
  }

  /** Whether the server left the connection open for another request. */
  boolean reusable() {
    return open && !socket.isClosed();
  }

  /** How long it has been idle, in nanoseconds. */
  long idleNanos() {
    return System.nanoTime() - lastUsedNanos;
  }

  @Override
  public void close() {
    open = false;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a socket that failed already
    }
  }

  private static int status(String line) throws IOException {
    if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
      throw new IOException("not an HTTP/1.x status line: " + line);
    }
    try {
      return Integer.parseInt(line.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("not a status: " + line, e);
    }
  }

  private static long parseLength(String value) throws IOException {
    try {
      long length = Long.parseLong(value);
      if (length < 0 || length > MAX_BODY) {
        throw new IOException("a body of " + value + " bytes");
      }
      return length;
    } catch (NumberFormatException e) {
      throw new IOException("Content-Length " + value, e);
    }
  }

  /** A line of the head, without its CRLF. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("the connection closed mid-answer");
      }
      if (line.length() >= MAX_HEAD) {
        throw new IOException("a head line longer than " + MAX_HEAD + " bytes");
      }
      line.append((char) b);
    }
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
  }

  private byte[] exactly(long length) throws IOException {
    byte[] bytes = in.readNBytes((int) length);
    if (bytes.length < length) {
      throw new EOFException("the body ended after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  private byte[] chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line();
      int extension = size.indexOf(';');
      long length;
      try {
        length = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("a chunk size of " + size, e);
      }
      if (length < 0 || body.size() + length > MAX_BODY) {
        throw new IOException("a chunked body over " + MAX_BODY + " bytes");
      }
      if (length == 0) {
        while (!line().isEmpty()) {
          // trailers: none expected, none kept
        }
        return body.toByteArray();
      }
      body.write(exactly(length));
      if (!line().isEmpty()) {
        throw new IOException("a chunk not followed by CRLF");
      }
    }
  }
}
