package io.interservice.access.replica;

/**
 * What a replica holds and what its feed has done to it.
 *
 * @param keys keys holding a value
 * @param tombstones deleted keys remembered with their version
 * @param applied changes that changed the replica
 * @param ignored changes no newer than what was held
 * @param deletes applied deletes
 * @param repaired entries reconciliation added, replaced or removed
 */
public record ReplicaStats(
    long keys, long tombstones, long applied, long ignored, long deletes, long repaired) {}
