/**
 * The owner library's Kafka sink: the outbox relayed to topics as CloudEvents ({@link
 * io.interservice.owner.kafka.KafkaSink}), and the topics made where missing ({@link
 * io.interservice.owner.kafka.Topics}).
 */
@NullMarked
package io.interservice.owner.kafka;

import org.jspecify.annotations.NullMarked;
