package io.interservice.checkout.technique;

import io.interservice.access.http.HttpExchange;
import io.interservice.access.http.LimitedAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Checkout's calls to catalog over HTTP/1.1 on Apache HttpClient's classic (blocking) client: a
 * pool of kept-alive connections, each request made on the caller's virtual thread, no proxy, no
 * retries of its own, no redirects, cookies or compression.
 *
 * <p>Why not the web server's own client: Helidon's client starts a virtual thread for every
 * connection it puts back in its cache, to watch the idle socket, and that thread, not the caller,
 * then reads the first byte of the next answer on it; each call to catalog cost two more thread
 * hand-offs, and at 100 orders/s checkout's carrier threads switched about 11 times per order
 * (docs/benchmarks.md). Here the caller reads its own answer, and a connection idle for more than a
 * second is checked before it is used again.
 *
 * <p>A request whose kept-alive connection turns out closed before any answer (catalog closed it
 * while it idled) is sent once more on another. Checkout only reads through it (a price lookup, a
 * quote started or polled), so asking again is safe; if catalog itself is gone, the second try
 * fails as the first did. The whole attempt's time is bounded by the caller (the direct reader
 * interrupts an attempt that outlives its timeout); {@code timeout} here bounds each wait for data.
 */
final class PooledExchange implements HttpExchange, AutoCloseable {
  /** More connections than checkout's concurrent calls to catalog (--max-concurrent, 64). */
  private static final int MAX_CONNECTIONS = 128;

  private final CloseableHttpClient http;

  PooledExchange(Duration connectTimeout) {
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(MAX_CONNECTIONS)
                    .setMaxConnPerRoute(MAX_CONNECTIONS)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(connectTimeout))
                            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                            .build())
                    .build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .build();
  }

  @Override
  public LimitedAnswer send(
      String method,
      URI uri,
      Map<String, String> headers,
      byte @Nullable [] body,
      Duration timeout,
      int maxBytes)
      throws IOException {
    try {
      return execute(request(method, uri, headers, body, timeout), uri, maxBytes);
    } catch (NoHttpResponseException | ConnectionClosedException | SocketException e) {
      if (e instanceof ConnectException || Thread.currentThread().isInterrupted()) {
        throw e; // catalog is not there, or the attempt's time ran out: not a closed connection
      }
      return execute(request(method, uri, headers, body, timeout), uri, maxBytes);
    }
  }

  private static HttpUriRequestBase request(
      String method,
      URI uri,
      Map<String, String> headers,
      byte @Nullable [] body,
      Duration timeout) {
    HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
    headers.forEach(request::addHeader);
    if (body != null) {
      request.setEntity(new ByteArrayEntity(body, null));
    }
    request.setConfig(
        RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.of(timeout))
            .setResponseTimeout(Timeout.of(timeout))
            .build());
    return request;
  }

  private LimitedAnswer execute(HttpUriRequestBase request, URI uri, int maxBytes)
      throws IOException {
    return http.execute(request, response -> read(request, uri, response, maxBytes));
  }

  /**
   * The answer, read up to {@code maxBytes}; a larger one is refused and its connection closed, not
   * read to its end.
   */
  private static LimitedAnswer read(
      HttpUriRequestBase request, URI uri, ClassicHttpResponse response, int maxBytes)
      throws IOException {
    byte[] answer = new byte[0];
    HttpEntity entity = response.getEntity();
    if (entity != null) {
      if (entity.getContentLength() > maxBytes) {
        request.cancel();
        throw tooLarge(request.getMethod(), uri.getPath(), maxBytes);
      }
      InputStream in = entity.getContent();
      answer = in.readNBytes(maxBytes + 1);
      if (answer.length > maxBytes) {
        request.cancel();
        throw tooLarge(request.getMethod(), uri.getPath(), maxBytes);
      }
      in.close();
    }
    Map<String, List<String>> names = new LinkedHashMap<>();
    for (Header h : response.getHeaders()) {
      names.computeIfAbsent(h.getName(), n -> new ArrayList<>(1)).add(h.getValue());
    }
    return new LimitedAnswer(response.getCode(), HttpHeaders.of(names, (n, v) -> true), answer);
  }

  private static IOException tooLarge(String method, String path, int maxBytes) {
    return new IOException(method + " " + path + " answered more than " + maxBytes + " bytes");
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
