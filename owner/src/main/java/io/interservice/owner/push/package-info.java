/**
 * Push, owner side: a registry of subscribers ({@link io.interservice.owner.push.Subscribers}), an
 * outbox sink that owes every relayed change to every subscriber ({@link
 * io.interservice.owner.push.PushSink}), and the deliverer that sends them signed, retried with the
 * protocol's backoff, dead-lettered after too many failures and redelivered when the subscriber is
 * back ({@link io.interservice.owner.push.Deliverer}, which describes the tables).
 */
@NullMarked
package io.interservice.owner.push;

import org.jspecify.annotations.NullMarked;
