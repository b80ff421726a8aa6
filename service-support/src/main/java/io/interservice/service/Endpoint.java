package io.interservice.service;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Handles one route. May throw {@link ProblemException} to answer with a problem. */
@FunctionalInterface
public interface Endpoint {

  /** Handles the request and sends the response. */
  void handle(ServerRequest request, ServerResponse response) throws Exception;
}
