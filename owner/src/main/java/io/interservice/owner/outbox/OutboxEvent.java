package io.interservice.owner.outbox;

import java.time.Instant;

/**
 * A change the owner committed, as its outbox row holds it.
 *
 * @param id the row's id (not its commit order)
 * @param topic what kind of change, e.g. {@code prices}
 * @param key what changed
 * @param version its version after the change
 * @param payload the change's body, as the sinks send it
 * @param writtenAt when the row was written (owner time, before its commit)
 */
public record OutboxEvent(
    long id, String topic, String key, long version, String payload, Instant writtenAt) {}
