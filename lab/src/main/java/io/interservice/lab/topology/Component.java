package io.interservice.lab.topology;

/**
 * One running part of the scenario (a database server, a service, later a broker or a cluster
 * member), which faults act on by its role. {@link #close()} stops it for good.
 */
public interface Component extends AutoCloseable {

  /** What a component is to the scenario. */
  enum Role {
    /** The owner's database server. */
    OWNER_DATABASE,
    /** The consumer's database server (catalog's, for a technique that shares it). */
    CONSUMER_DATABASE,
    /** The owner service (catalog). */
    OWNER,
    /** The consumer service (checkout). */
    CONSUMER,
    /** A message broker node. */
    BROKER
  }

  /** Its role. */
  Role role();

  /** Its process's PID while it runs. */
  long pid();

  /** Whether its process is alive. */
  boolean alive();

  /** Stops it at once, as a crash would (no clean shutdown). */
  void kill();

  /** Freezes it ({@code SIGSTOP}): connections stay open, nothing answers. */
  void pause();

  /** Lets a paused component go on ({@code SIGCONT}). */
  void resume();

  /** Starts it again after {@link #kill()}, on the same port and data, and waits until ready. */
  void restart();

  /** Stops it cleanly. */
  @Override
  void close();
}
