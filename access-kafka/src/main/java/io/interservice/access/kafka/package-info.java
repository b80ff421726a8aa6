/**
 * The access library's Kafka change feed: a replica kept from an owner's topic, resuming from
 * positions stored with it ({@link io.interservice.access.kafka.KafkaFeed}).
 */
@NullMarked
package io.interservice.access.kafka;

import org.jspecify.annotations.NullMarked;
