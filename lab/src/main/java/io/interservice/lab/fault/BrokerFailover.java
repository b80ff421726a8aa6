package io.interservice.lab.fault;

import io.interservice.lab.technique.Technique;
import io.interservice.lab.topology.Component;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code broker-failover}: the node leading partition 0 of {@code catalog.prices} killed ({@code
 * kill -9}) for the window, then restarted. With three brokers ({@code --kafka-brokers 3}:
 * replication factor 3, {@code min.insync.replicas} 2) another node takes the lead; with one, it is
 * {@code broker-down}.
 */
final class BrokerFailover implements Fault {
  private final AtomicReference<Component> killed = new AtomicReference<>();

  @Override
  public String name() {
    return "broker-failover";
  }

  @Override
  public String summary() {
    return "the leader of catalog.prices-0 killed (kill -9) for the window, then restarted";
  }

  @Override
  public boolean appliesTo(Technique technique) {
    return technique.needsBroker();
  }

  @Override
  public void begin(Target target) {
    Component leader =
        Objects.requireNonNull(target.kafka(), "a broker").leaderOf("catalog.prices", 0);
    killed.set(leader);
    leader.kill();
  }

  @Override
  public void end(Target target) {
    Component node = killed.getAndSet(null);
    if (node != null) {
      node.restart();
    }
  }
}
