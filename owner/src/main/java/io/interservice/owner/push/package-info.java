/**
 * Push, owner side: a registry of subscribers and the deliveries owed to them, written in the
 * owner's own transactions, sent signed, retried with capped exponential backoff and full jitter,
 * dead-lettered after too many failures and redelivered when the subscriber is back. The tables it
 * uses are described in {@link io.interservice.owner.push.Pusher}.
 */
@NullMarked
package io.interservice.owner.push;

import org.jspecify.annotations.NullMarked;
