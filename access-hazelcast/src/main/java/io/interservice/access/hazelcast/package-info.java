/**
 * The reader's side of a replicated cache: {@link io.interservice.access.hazelcast.CacheReader}
 * reads a Hazelcast replicated map the owner writes, through a view that cannot write.
 */
@NullMarked
package io.interservice.access.hazelcast;

import org.jspecify.annotations.NullMarked;
