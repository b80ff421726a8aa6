package io.interservice.access.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import io.interservice.access.Provenance;
import io.interservice.access.Read;
import io.interservice.access.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real embedded members on 127.0.0.1: an owner that writes the map, readers on other members. */
class CacheReaderTest {
  private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  private final List<HazelcastInstance> members = new ArrayList<>();
  private final List<CacheReader<Long>> readers = new ArrayList<>();

  @AfterEach
  void stop() {
    readers.forEach(CacheReader::close);
    members.forEach(HazelcastInstance::shutdown);
  }

  @Test
  void servesWhatTheOwnerWroteAndFollowsItsChanges() {
    ReplicatedMap<String, String> owner = member().getReplicatedMap("prices");
    CacheReader<Long> reader = reader(member());
    loadWith(owner, "a", "1|100", reader);
    await().untilAsserted(() -> assertThat(amount(reader, "a")).isEqualTo(100L));

    owner.put("a", "2|150");
    owner.put("c", "1|7");

    await().untilAsserted(() -> assertThat(amount(reader, "a")).isEqualTo(150L));
    await().untilAsserted(() -> assertThat(amount(reader, "c")).isEqualTo(7L));
    owner.remove("c");
    await().untilAsserted(() -> assertThat(unknown(reader, "c")).containsExactly("c"));
  }

  @Test
  void isNotReadyUntilTheOwnerMarksTheMapLoaded() {
    ReplicatedMap<String, String> owner = member().getReplicatedMap("prices");
    CacheReader<Long> reader = reader(member());
    owner.put("a", "1|100");

    assertThat(reader.ready()).isFalse();
    assertThat(reader.read(Set.of("a")))
        .isInstanceOfSatisfying(
            Read.Unavailable.class, u -> assertThat(u.reason()).isEqualTo(Read.Reason.NOT_READY));
  }

  @Test
  void aMemberThatJoinsLaterServesTheCopyItWasGiven() {
    ReplicatedMap<String, String> owner = member().getReplicatedMap("prices");
    for (int n = 0; n < 100; n++) {
      owner.put("k" + n, "1|" + n);
    }
    owner.put(CacheReader.LOADED, "100");

    CacheReader<Long> late = reader(member());

    await().until(late::ready);
    await().untilAsserted(() -> assertThat(amount(late, "k99")).isEqualTo(99L));
    assertThat(amount(late, "k0")).isZero();
  }

  @Test
  void aValueItCannotDecodeIsUnknownAndCountedOnce() {
    ReplicatedMap<String, String> owner = member().getReplicatedMap("prices");
    CacheReader<Long> reader = reader(member());
    loadWith(owner, "bad", "not a price", reader);
    await().until(() -> reader.unreadable() == 1);

    for (int i = 0; i < 3; i++) {
      assertThat(unknown(reader, "bad")).containsExactly("bad");
    }
    assertThat(reader.unreadable()).isEqualTo(1);
  }

  @Test
  void theLoadedMarkerIsNoValueToRead() {
    ReplicatedMap<String, String> owner = member().getReplicatedMap("prices");
    CacheReader<Long> reader = reader(member());
    loadWith(owner, "k", "1|7", reader);

    assertThat(unknown(reader, CacheReader.LOADED)).containsExactly(CacheReader.LOADED);
    assertThat(reader.ready()).isTrue();
  }

  /**
   * The owner writes {@code key} and marks the map loaded; returns once {@code reader} is ready.
   */
  private static void loadWith(
      ReplicatedMap<String, String> owner, String key, String value, CacheReader<Long> reader) {
    owner.put(key, value);
    owner.put(CacheReader.LOADED, "1");
    await().until(reader::ready);
  }

  private static Set<String> unknown(CacheReader<Long> reader, String key) {
    return ((Read.Found<String, Long>) reader.read(Set.of(key))).unknown();
  }

  private static Long amount(CacheReader<Long> reader, String key) {
    Versioned<Long> v = ((Read.Found<String, Long>) reader.read(Set.of(key))).values().get(key);
    return v == null ? null : v.value();
  }

  private CacheReader<Long> reader(HazelcastInstance member) {
    CacheReader<Long> reader =
        new CacheReader<>(
            "owner",
            member.getReplicatedMap("prices"),
            CacheReaderTest::decode,
            Duration.ofMillis(200));
    readers.add(reader);
    return reader;
  }

  /** {@code version|amount}. */
  private static Versioned<Long> decode(String key, String raw) {
    String[] f = raw.split("\\|");
    return new Versioned<>(Long.parseLong(f[1]), Provenance.fromOwner(Long.parseLong(f[0]), AS_OF));
  }

  private HazelcastInstance member() {
    Config c = new Config();
    c.setClusterName("cache-reader-test-" + ProcessHandle.current().pid());
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.logging.type", "none");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.getJetConfig().setEnabled(false);
    c.getNetworkConfig().setPort(5861).setPortAutoIncrement(true).setPortCount(5);
    c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    c.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    c.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    c.getNetworkConfig()
        .getJoin()
        .getTcpIpConfig()
        .setEnabled(true)
        .setConnectionTimeoutSeconds(2)
        .addMember("127.0.0.1");
    HazelcastInstance m = Hazelcast.newHazelcastInstance(c);
    members.add(m);
    return m;
  }
}
