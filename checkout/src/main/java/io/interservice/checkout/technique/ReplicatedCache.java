package io.interservice.checkout.technique;

import com.hazelcast.core.EntryAdapter;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import io.interservice.access.hazelcast.CacheReader;
import io.interservice.service.Cluster;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;

/**
 * {@code replicated-cache}: checkout is a member of catalog's embedded Hazelcast cluster ({@code
 * --cluster-members}, {@code --cluster-port}) and reads the replicated map {@code catalog.prices}
 * locally, through a reader that cannot write it. Not ready until catalog has loaded the map, which
 * a member that joins later copies from any member, catalog or another checkout.
 */
final class ReplicatedCache implements Technique {
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(ReplicatedCache.class.getName());

  @Override
  public String name() {
    return "replicated-cache";
  }

  @Override
  public Set<String> flags() {
    return Cluster.FLAGS;
  }

  @Override
  public Pricing start(Context context) {
    HazelcastInstance member = Cluster.join(context.settings(), "checkout");
    ReplicatedMap<String, String> map = member.getReplicatedMap("catalog.prices");
    CacheReader<Price> reader = new CacheReader<>("catalog", map, PriceCodecs::replicated);
    AppliedLog log = new AppliedLog(context.db());
    map.addEntryListener(
        new EntryAdapter<String, String>() {
          @Override
          public void onEntryEvent(EntryEvent<String, String> event) {
            applied(log, event);
          }
        });
    MeterRegistry meters = context.api().metrics().registry();
    Gauge.builder("cache.entries", reader, CacheReader::size).register(meters);
    Gauge.builder("cache.unreadable", reader, CacheReader::unreadable).register(meters);
    Gauge.builder("cache.swept", reader, CacheReader::swept).register(meters);
    Gauge.builder("cache.members", member, m -> m.getCluster().getMembers().size())
        .register(meters);
    return new Pricing.BeforeTransaction(reader);
  }

  /** Logs when this member's copy took a version, for the lab's propagation figures. */
  private static void applied(AppliedLog log, EntryEvent<String, String> event) {
    String value = event.getValue();
    if (value == null || event.getKey().equals(CacheReader.LOADED)) {
      return;
    }
    try {
      log.record(
          event.getKey(), PriceCodecs.replicated(event.getKey(), value).provenance().version());
    } catch (RuntimeException | java.sql.SQLException e) {
      LOG.fine("not logged: " + e);
    }
  }
}
