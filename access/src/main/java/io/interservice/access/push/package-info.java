/**
 * The subscriber side of push: a local copy that the owner's deliveries keep current (applied by
 * version), and the protocol's shared arithmetic (signatures, reconciliation buckets), which the
 * owner side in {@code io.interservice.owner.push} uses too.
 */
@NullMarked
package io.interservice.access.push;

import org.jspecify.annotations.NullMarked;
