package io.interservice.service;

/** Thrown by an endpoint to answer with a problem; {@link Api} turns it into the response. */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  ProblemException(Problem problem) {
    super(problem.status() + " " + problem.title() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
  }

  /** The problem to send. */
  public Problem problem() {
    return problem;
  }
}
