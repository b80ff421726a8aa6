package io.interservice.access.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An answer from the other service, read only up to a limit: a larger body is the other service
 * failing, not something to hold in memory.
 *
 * @param status the HTTP status
 * @param headers its headers
 * @param body its body, at most the limit asked for
 */
public record LimitedAnswer(int status, HttpHeaders headers, byte[] body) {
  /** The largest answer read by default: 8 MiB. */
  public static final int DEFAULT_MAX = 8 * 1024 * 1024;

  /**
   * Sends {@code request} and reads at most {@code maxBytes} of the answer.
   *
   * @throws IOException when the call fails or the body is larger than {@code maxBytes}
   */
  public static LimitedAnswer send(HttpClient http, HttpRequest request, int maxBytes)
      throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > maxBytes) {
        throw tooLarge(request, maxBytes);
      }
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw tooLarge(request, maxBytes);
      }
      return new LimitedAnswer(response.statusCode(), response.headers(), body);
    }
  }

  private static IOException tooLarge(HttpRequest request, int maxBytes) {
    return new IOException(
        request.method()
            + " "
            + request.uri().getPath()
            + " answered more than "
            + maxBytes
            + " bytes");
  }
}
