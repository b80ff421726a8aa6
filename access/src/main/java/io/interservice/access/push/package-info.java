/**
 * The push protocol's reader side: a change feed that subscribes to the owner, bootstraps from its
 * snapshot, takes its signed deliveries and reconciles by checksums. The owner side is {@code
 * io.interservice.owner.push}; what both compute alike is in {@code io.interservice.protocol}.
 */
@NullMarked
package io.interservice.access.push;

import org.jspecify.annotations.NullMarked;
