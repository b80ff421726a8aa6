package io.interservice.service;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A service's HTTP API: routes that answer problems as RFC 9457 and are timed as {@code
 * http.server.requests} (tags {@code method}, {@code uri} = route template, {@code status}), plus
 * {@code GET /metrics} and a problem for every unknown route. Not thread-safe while building.
 */
public final class Api {
  /** The largest request body an endpoint reads by default. */
  public static final int DEFAULT_MAX_BODY = 64 * 1024;

  private static final Logger LOG = Logger.getLogger(Api.class.getName());
  private static final String PROBLEM_JSON = "application/problem+json";

  private final HttpRouting.Builder routing = HttpRouting.builder();
  private final Metrics metrics;

  /** Where its requests are recorded, for other meters of the service. */
  public Metrics metrics() {
    return metrics;
  }

  /** An API whose requests are recorded in {@code metrics}. */
  public Api(Metrics metrics) {
    this.metrics = metrics;
    routing.get("/metrics", timed(Method.GET, "/metrics", this::scrape));
  }

  /** What {@code GET /health} checks: throws when the service cannot serve. */
  @FunctionalInterface
  public interface HealthCheck {
    /** Returns when healthy. */
    void check() throws Exception;
  }

  /**
   * Adds {@code GET /health/live} (200 while the process serves HTTP), {@code GET /health/ready}
   * ({@code 200 {"status":"UP"}} when {@code ready} returns, else a 503 problem saying why) and
   * {@code GET /health}, the same as ready.
   */
  public Api health(HealthCheck ready) {
    Endpoint readiness =
        (req, res) -> {
          try {
            ready.check();
            sendJson(res, 200, java.util.Map.of("status", "UP"));
          } catch (Exception e) {
            sendProblem(
                res, Problem.of(503, "not-ready", "Not ready", String.valueOf(e.getMessage())));
          }
        };
    route(
        Method.GET,
        "/health/live",
        (req, res) -> sendJson(res, 200, java.util.Map.of("status", "UP")));
    route(Method.GET, "/health/ready", readiness);
    return route(Method.GET, "/health", readiness);
  }

  /** Adds a route; {@code template} uses {@code {name}} for path parameters. */
  public Api route(Method method, String template, Endpoint endpoint) {
    routing.route(method, template, timed(method, template, endpoint));
    return this;
  }

  /** Starts the server on {@code host}:{@code port} (0 picks a free port). */
  public WebServer start(String host, int port) {
    routing.any(timed(null, "NOT_FOUND", Api::notFound));
    return WebServer.builder()
        .host(host)
        .port(port)
        .maxPayloadSize(16L * 1024 * 1024)
        .shutdownHook(true)
        .routing(routing)
        .build()
        .start();
  }

  /**
   * The request body, at most {@code maxBytes}.
   *
   * @throws ProblemException 413 when the body is larger
   */
  public static byte[] body(ServerRequest request, int maxBytes) {
    Optional<Long> declared = request.headers().contentLength().stream().boxed().findFirst();
    if (declared.isPresent() && declared.get() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    if (!request.content().hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = request.content().inputStream()) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw Problem.invalid("body", "the body could not be read: " + e.getMessage()).toException();
    }
  }

  /** Sends {@code value} as JSON with {@code status}. */
  public static void sendJson(ServerResponse response, int status, Object value) {
    response.status(status);
    response.header(HeaderNames.CONTENT_TYPE, "application/json");
    response.send(Json.write(value));
  }

  /** Sends {@code problem} as {@code application/problem+json}. */
  public static void sendProblem(ServerResponse response, Problem problem) {
    response.status(problem.status());
    response.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
    response.send(Json.write(problem));
  }

  private static ProblemException tooLarge(int maxBytes) {
    return Problem.of(
            413,
            "body-too-large",
            "Request body too large",
            "the body is larger than " + maxBytes + " bytes")
        .with("field", "body")
        .with("maxBytes", maxBytes)
        .toException();
  }

  private void scrape(ServerRequest request, ServerResponse response) {
    response.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
    response.send(metrics.scrape());
  }

  private static void notFound(ServerRequest request, ServerResponse response) {
    throw Problem.of(
            404,
            "no-such-route",
            "No such route",
            request.prologue().method().text()
                + " "
                + request.path().path()
                + " is not part of this API")
        .toException();
  }

  private io.helidon.webserver.http.Handler timed(
      Method method, String template, Endpoint endpoint) {
    return (request, response) -> {
      long start = System.nanoTime();
      try {
        endpoint.handle(request, response);
      } catch (ProblemException e) {
        if (!response.isSent()) {
          sendProblem(response, e.problem());
        }
      } catch (java.sql.SQLException e) {
        LOG.log(Level.WARNING, "database failure on " + template, e);
        if (!response.isSent()) {
          response.header(HeaderNames.RETRY_AFTER, "1");
          sendProblem(
              response,
              Problem.of(
                  503,
                  "database-unavailable",
                  "Database unavailable",
                  "the service's database failed: " + e.getMessage()));
        }
      } catch (Exception e) {
        LOG.log(Level.WARNING, "unexpected failure on " + template, e);
        if (!response.isSent()) {
          sendProblem(
              response,
              Problem.of(
                  500, "internal", "Internal error", "the service failed to handle the request"));
        }
      } finally {
        String methodName = method == null ? request.prologue().method().text() : method.text();
        Timer.builder("http.server.requests")
            .tag("method", methodName)
            .tag("uri", template)
            .tag("status", Integer.toString(response.status().code()))
            .register(metrics.registry())
            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      }
    };
  }
}
