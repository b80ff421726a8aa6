package io.interservice.lab.fault;

import io.interservice.lab.technique.Technique;
import io.interservice.lab.topology.Component;

/**
 * A component killed ({@code kill -9}, or a database's immediate shutdown) when the window opens
 * and restarted when it closes (or, with {@code restartAtOnce}, restarted at once: a crash and a
 * restart mid-run).
 */
final class ComponentDown implements Fault {
  private final String name;
  private final String summary;
  private final Component.Role role;
  private final boolean restartAtOnce;

  private ComponentDown(String name, String summary, Component.Role role, boolean restartAtOnce) {
    this.name = name;
    this.summary = summary;
    this.role = role;
    this.restartAtOnce = restartAtOnce;
  }

  /** {@code owner-down}: catalog killed for the window, then restarted. */
  static ComponentDown owner() {
    return new ComponentDown(
        "owner-down",
        "catalog killed (kill -9) for the window, then restarted",
        Component.Role.OWNER,
        false);
  }

  /** {@code owner-db-down}: catalog's database server crashed for the window, then restarted. */
  static ComponentDown ownerDatabase() {
    return new ComponentDown(
        "owner-db-down",
        "catalog's PostgreSQL crashed (immediate shutdown) for the window, then restarted",
        Component.Role.OWNER_DATABASE,
        false);
  }

  /** {@code broker-down}: the Kafka node killed for the window, then restarted on its data. */
  static ComponentDown broker() {
    return new ComponentDown(
        "broker-down",
        "the Kafka broker killed (kill -9) for the window, then restarted on its data",
        Component.Role.BROKER,
        false);
  }

  /**
   * {@code relay-kill}: catalog, which relays its outbox (push, events), killed mid-stream when the
   * window opens and restarted at once.
   */
  static ComponentDown relayKill() {
    return new ComponentDown(
        "relay-kill",
        "catalog (the outbox relay) killed (kill -9) mid-stream and restarted at once",
        Component.Role.OWNER,
        true);
  }

  /** {@code consumer-restart}: checkout killed when the window opens and restarted at once. */
  static ComponentDown consumerRestart() {
    return new ComponentDown(
        "consumer-restart",
        "checkout killed (kill -9) at the window's start and restarted at once",
        Component.Role.CONSUMER,
        true);
  }

  @Override
  public boolean appliesTo(Technique technique) {
    return role != Component.Role.BROKER || technique.needsBroker();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public void begin(Target target) {
    target.kill(role);
    if (restartAtOnce) {
      target.component(role).restart();
    }
  }

  @Override
  public void end(Target target) {
    if (!restartAtOnce) {
      target.component(role).restart();
    }
  }
}
