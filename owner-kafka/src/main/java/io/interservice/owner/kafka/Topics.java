package io.interservice.owner.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the owner's topics where they are missing. */
public final class Topics {
  private Topics() {}

  /**
   * Creates {@code topic} with {@code partitions} partitions, compacted when {@code compacted},
   * replicated as the brokers' default, unless it exists.
   *
   * @throws IllegalStateException when the brokers cannot be reached within {@code timeout}
   */
  public static void ensure(
      String bootstrapServers, String topic, int partitions, boolean compacted, Duration timeout) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    try (Admin admin = Admin.create(p)) {
      NewTopic t =
          new NewTopic(topic, java.util.Optional.of(partitions), java.util.Optional.empty())
              .configs(
                  compacted
                      ? Map.of(
                          TopicConfig.CLEANUP_POLICY_CONFIG,
                          TopicConfig.CLEANUP_POLICY_COMPACT,
                          TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                          "0")
                      : Map.of());
      admin.createTopics(List.of(t)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + topic, e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(
          "the brokers at " + bootstrapServers + " did not answer within " + timeout, e);
    }
  }
}
