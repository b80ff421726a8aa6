package io.interservice.lab.load;

/** How one request ended. */
public enum Outcome {
  /** 2xx: the order was acknowledged. */
  OK,
  /** 503: the service said it cannot take the order now. */
  UNAVAILABLE,
  /** Another 4xx or 5xx. */
  ERROR,
  /** No answer within the request timeout, or the connection failed. */
  TIMEOUT,
  /** Not sent: the driver had too many requests in flight. */
  DROPPED
}
