package io.interservice.lab.load;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the load generators share: how an order is posted to checkout, over HTTP/1.1 (as a browser
 * or a service client would speak to it) with Helidon's blocking client, one per checkout, its
 * connections kept alive, 2 s to connect. The load generator competes with the system it measures
 * for the same cores, so its client should cost little: the JDK's asynchronous client cost the lab
 * about as much CPU per order as checkout itself.
 */
final class Orders {
  private static final ConcurrentHashMap<URI, WebClient> CLIENTS = new ConcurrentHashMap<>();

  /**
   * Checkout's answer.
   *
   * @param status the HTTP status, or -1 when no answer came (refused, reset, timed out)
   * @param body its body ("" when none came)
   */
  record Answer(int status, String body) {
    static final Answer NONE = new Answer(-1, "");
  }

  private Orders() {}

  /** {@code POST /orders} of checkout as {@code client} with a JSON {@code body}. */
  static Answer post(Client client, String body, Duration timeout) {
    WebClient http =
        CLIENTS.computeIfAbsent(
            client.url(),
            url ->
                WebClient.builder()
                    .baseUri(url)
                    .connectTimeout(Duration.ofSeconds(2))
                    .followRedirects(false)
                    .build());
    try (HttpClientResponse response =
        http.post("/orders")
            .readTimeout(timeout)
            .header(HeaderValues.CONTENT_TYPE_JSON)
            .header(HeaderNames.AUTHORIZATION, client.authorization())
            .submit(body)) {
      return new Answer(response.status().code(), response.as(String.class));
    } catch (RuntimeException e) {
      // Helidon's client reports I/O failures and timeouts as unchecked exceptions
      return Answer.NONE;
    }
  }

  /** Whether checkout acknowledged the order (2xx); false when no answer came. */
  static boolean acknowledged(Client client, String body, Duration timeout) {
    return post(client, body, timeout).status() / 100 == 2;
  }
}
