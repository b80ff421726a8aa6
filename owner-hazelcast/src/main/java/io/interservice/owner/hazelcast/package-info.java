/**
 * The owner's side of a replicated cache: {@link io.interservice.owner.hazelcast.CacheWriter}, the
 * single writer of a Hazelcast replicated map, fed by the outbox and verified against the owner's
 * own data.
 */
@NullMarked
package io.interservice.owner.hazelcast;

import org.jspecify.annotations.NullMarked;
