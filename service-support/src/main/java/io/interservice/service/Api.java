package io.interservice.service;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.interservice.service.identity.Caller;
import io.interservice.service.identity.Denied;
import io.interservice.service.identity.Trust;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A service's HTTP API: routes that answer problems as RFC 9457 and are timed as {@code
 * http.server.requests} (tags {@code method}, {@code uri} = route template, {@code status}), plus
 * {@code GET /metrics}, a 404 for every unknown path and a 405 for a known path's other methods.
 * Every route but health and metrics names the scope its caller needs and is refused (401, 403)
 * without it; at most {@code maxInFlight} such requests run at once, the others are refused at once
 * with 503 and {@code Retry-After}. Not thread-safe while building.
 */
public final class Api {
  /** The largest request body an endpoint reads by default. */
  public static final int DEFAULT_MAX_BODY = 64 * 1024;

  private static final Logger LOG = Logger.getLogger(Api.class.getName());
  private static final String PROBLEM_JSON = "application/problem+json";

  private static final java.util.Set<String> METHODS =
      java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  private final HttpRouting.Builder routing = HttpRouting.builder();
  private final Metrics metrics;
  private final Trust trust;
  private final Semaphore inFlight;
  private final java.util.Map<java.util.regex.Pattern, java.util.Set<String>> allowed =
      new java.util.LinkedHashMap<>();

  /** Where its requests are recorded, for other meters of the service. */
  public Metrics metrics() {
    return metrics;
  }

  /**
   * An API whose requests are recorded in {@code metrics}, whose callers are checked against {@code
   * trust}, running at most {@code maxInFlight} guarded requests at once.
   */
  public Api(Metrics metrics, Trust trust, int maxInFlight) {
    this.metrics = metrics;
    this.trust = trust;
    this.inFlight = new Semaphore(maxInFlight);
    open(Method.GET, "/metrics", this::scrape);
  }

  /** The caller of a guarded route, verified before its endpoint runs. */
  public static Caller caller(ServerRequest request) {
    return request
        .context()
        .get(Caller.class)
        .orElseThrow(() -> new IllegalStateException("not a guarded route"));
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
            LOG.log(Level.INFO, "not ready: " + e);
            sendProblem(
                res, Problem.of(503, "not-ready", "Not ready", "the service cannot serve yet"));
          }
        };
    open(
        Method.GET,
        "/health/live",
        (req, res) -> sendJson(res, 200, java.util.Map.of("status", "UP")));
    open(Method.GET, "/health/ready", readiness);
    open(Method.GET, "/health", readiness);
    return this;
  }

  /**
   * Adds a route that only a caller with {@code scope} may use; {@code template} uses {@code
   * {name}} for path parameters.
   */
  public Api route(Method method, String template, String scope, Endpoint endpoint) {
    return add(method, template, guarded(scope, endpoint));
  }

  private void open(Method method, String template, Endpoint endpoint) {
    add(method, template, endpoint);
  }

  private Api add(Method method, String template, Endpoint endpoint) {
    routing.route(method, template, timed(method, template, endpoint));
    allowed
        .computeIfAbsent(
            java.util.regex.Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+")),
            p -> new java.util.TreeSet<>())
        .add(method.text());
    return this;
  }

  private Endpoint guarded(String scope, Endpoint endpoint) {
    return (req, res) -> {
      Caller caller;
      try {
        caller = trust.verify(req.headers().first(HeaderNames.AUTHORIZATION).orElse(null), scope);
      } catch (Denied e) {
        if (e.status() == 401) {
          res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        throw Problem.of(
                e.status(),
                e.status() == 401 ? "unauthenticated" : "forbidden",
                e.status() == 401 ? "Unauthenticated" : "Forbidden",
                e.getMessage())
            .toException();
      }
      if (!inFlight.tryAcquire()) {
        res.header(HeaderNames.RETRY_AFTER, "1");
        throw Problem.of(
                503,
                "overloaded",
                "Overloaded",
                "the service is at its limit of concurrent requests; retry later")
            .toException();
      }
      try {
        req.context().register(caller);
        endpoint.handle(req, res);
      } finally {
        inFlight.release();
      }
    };
  }

  /** Starts the server on {@code host}:{@code port} (0 picks a free port). */
  public WebServer start(String host, int port) {
    routing.any(timed(null, "NOT_FOUND", this::notFound));
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
   * @throws ProblemException 413 when the body is larger, 415 when it is not JSON
   */
  public static byte[] body(ServerRequest request, int maxBytes) {
    if (request.content().hasEntity() || request.headers().contentType().isPresent()) {
      String type = request.headers().contentType().map(t -> t.mediaType().text()).orElse("(none)");
      if (!type.equals("application/json") && !type.endsWith("+json")) {
        throw Problem.of(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                "the body must be application/json, was " + type)
            .with("field", "Content-Type")
            .toException();
      }
    }
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

  private void notFound(ServerRequest request, ServerResponse response) {
    String path = request.path().path();
    for (var route : allowed.entrySet()) {
      if (route.getKey().matcher(path).matches()) {
        response.header(HeaderNames.ALLOW, String.join(", ", route.getValue()));
        throw Problem.of(
                405,
                "method-not-allowed",
                "Method not allowed",
                path + " accepts " + String.join(", ", route.getValue()))
            .toException();
      }
    }
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

  /** A 503 problem with {@code Retry-After: 1}, unless the response went out already. */
  private static void retryLater(ServerResponse response, String slug, String title, String why) {
    if (!response.isSent()) {
      response.header(HeaderNames.RETRY_AFTER, "1");
      sendProblem(response, Problem.of(503, slug, title, why + "; retry later"));
    }
  }

  /** An unknown method is recorded as {@code OTHER}: a client cannot mint metric series. */
  private static String knownOrOther(ServerRequest request) {
    String m = request.prologue().method().text();
    return METHODS.contains(m) ? m : "OTHER";
  }

  private io.helidon.webserver.http.Handler timed(
      Method method, String template, Endpoint endpoint) {
    // a route's timers, one per method and status, found without building a meter id per request
    java.util.concurrent.ConcurrentHashMap<String, Timer> timers =
        new java.util.concurrent.ConcurrentHashMap<>();
    return (request, response) -> {
      long start = System.nanoTime();
      try {
        endpoint.handle(request, response);
      } catch (ProblemException e) {
        if (!response.isSent()) {
          sendProblem(response, e.problem());
        }
      } catch (java.sql.SQLTransientConnectionException e) {
        retryLater(
            response,
            "database-busy",
            "Database busy",
            "no database connection was free within --db-wait");
      } catch (java.sql.SQLException e) {
        LOG.log(Level.WARNING, "database failure on " + template, e);
        retryLater(
            response,
            "database-unavailable",
            "Database unavailable",
            "the service's database failed");
      } catch (Exception e) {
        LOG.log(Level.WARNING, "unexpected failure on " + template, e);
        if (!response.isSent()) {
          sendProblem(
              response,
              Problem.of(
                  500, "internal", "Internal error", "the service failed to handle the request"));
        }
      } finally {
        String methodName = method == null ? knownOrOther(request) : method.text();
        int status = response.status().code();
        timers
            .computeIfAbsent(
                methodName + " " + status,
                k ->
                    Timer.builder("http.server.requests")
                        .tag("method", methodName)
                        .tag("uri", template)
                        .tag("status", Integer.toString(status))
                        .register(metrics.registry()))
            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      }
    };
  }
}
