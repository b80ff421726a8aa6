package io.interservice.lab.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.jspecify.annotations.Nullable;

/**
 * What the load generators share: how an order is posted to checkout, over HTTP/1.1 (as a browser
 * or a service client would speak to it), on kept-alive connections pooled per checkout, 2 s to
 * connect. The load generator competes with the system it measures for the same cores, so its
 * client costs as little as it can ({@link Http1Connection}): the JDK's asynchronous client cost
 * the lab about as much CPU per order as checkout itself, and Helidon's client still half of it.
 */
final class Orders {
  private static final Duration CONNECT = Duration.ofSeconds(2);

  /** A pooled connection idle longer than this is closed rather than reused. */
  private static final long IDLE_NANOS = Duration.ofSeconds(10).toNanos();

  private static final ConcurrentHashMap<URI, ConcurrentLinkedDeque<Http1Connection>> POOLS =
      new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Client, byte[]> HEADS = new ConcurrentHashMap<>();

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
    byte[] head =
        HEADS.computeIfAbsent(
            client, c -> Http1Connection.postHead(c.url(), "/orders", c.authorization()));
    ConcurrentLinkedDeque<Http1Connection> pool =
        POOLS.computeIfAbsent(client.url(), u -> new ConcurrentLinkedDeque<>());
    Http1Connection connection = null;
    try {
      connection = pooled(pool);
      if (connection == null) {
        connection = Http1Connection.open(client.url(), CONNECT);
      }
      Answer answer = connection.post(head, body.getBytes(StandardCharsets.UTF_8), timeout);
      if (connection.reusable()) {
        pool.push(connection);
      } else {
        connection.close();
      }
      return answer;
    } catch (IOException e) {
      if (connection != null) {
        connection.close();
      }
      return Answer.NONE;
    }
  }

  /** The most recently used connection of the pool still fresh, closing the stale ones. */
  private static @Nullable Http1Connection pooled(ConcurrentLinkedDeque<Http1Connection> pool) {
    for (Http1Connection c = pool.poll(); c != null; c = pool.poll()) {
      if (c.idleNanos() < IDLE_NANOS) {
        return c;
      }
      c.close();
    }
    return null;
  }

  /** Whether checkout acknowledged the order (2xx); false when no answer came. */
  static boolean acknowledged(Client client, String body, Duration timeout) {
    return post(client, body, timeout).status() / 100 == 2;
  }
}
