package io.interservice.checkout.technique;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import io.interservice.service.Cluster;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The heap a replicated map of prices takes on each member: {@code members} Hazelcast members in
 * this JVM (each holds its own copy), heap used after a full collection before and after the owner
 * writes {@code products} prices in the technique's format, divided by the members. Usage: {@code
 * ReplicatedMemory <products> [members]}.
 */
public final class ReplicatedMemory {
  private ReplicatedMemory() {}

  /** Prints the heap per member for the products asked. */
  public static void main(String[] args) throws InterruptedException {
    int products = Integer.parseInt(args[0]);
    int members = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    List<String> addresses = new ArrayList<>();
    for (int m = 0; m < members; m++) {
      addresses.add("127.0.0.1:" + (5901 + m));
    }
    List<HazelcastInstance> cluster = new ArrayList<>();
    for (int m = 0; m < members; m++) {
      Config c = Cluster.config("memory-probe", "member-" + m, "127.0.0.1", 5901 + m, addresses);
      c.setProperty("hazelcast.logging.type", "none");
      cluster.add(Hazelcast.newHazelcastInstance(c));
    }
    ReplicatedMap<String, String> map = cluster.get(0).getReplicatedMap("catalog.prices");
    map.size(); // every member creates its store
    for (HazelcastInstance h : cluster) {
      h.getReplicatedMap("catalog.prices").size();
    }
    long before = usedAfterGc();
    Map<String, String> batch = new HashMap<>();
    for (int n = 1; n <= products; n++) {
      batch.put(
          String.format("SKU-%06d", n),
          "1|" + (100 + n % 90_000) + "|USD|2026-11-30T10:15:30.123456Z");
      if (batch.size() == 1000) {
        map.putAll(batch);
        batch.clear();
      }
    }
    map.putAll(batch);
    for (HazelcastInstance h : cluster) {
      while (h.getReplicatedMap("catalog.prices").size() < products) {
        Thread.sleep(50);
      }
    }
    long after = usedAfterGc();
    double perMember = (after - before) / (double) members / (1024 * 1024);
    System.out.printf(
        "%d products, %d members: %.1f MiB of heap per member (%.0f bytes per entry)%n",
        products, members, perMember, (after - before) / (double) members / products);
    cluster.forEach(HazelcastInstance::shutdown);
  }

  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
