package io.interservice.lab.fault;

import io.interservice.lab.topology.Component;

/**
 * {@code owner-db-down}: catalog's database server stopped as by a crash (immediate shutdown) for
 * the window, then restarted (it recovers from its log). Where checkout shares that server on
 * purpose ({@code shared-db}, {@code data-domain}), checkout loses its own database with it: the
 * case against shared data stores, measured.
 */
final class OwnerDbDown implements Fault {
  @Override
  public String name() {
    return "owner-db-down";
  }

  @Override
  public String summary() {
    return "catalog's PostgreSQL crashed (immediate shutdown) for the window, then restarted";
  }

  @Override
  public void begin(Target target) {
    target.kill(Component.Role.OWNER_DATABASE);
  }

  @Override
  public void end(Target target) {
    target.component(Component.Role.OWNER_DATABASE).restart();
  }
}
