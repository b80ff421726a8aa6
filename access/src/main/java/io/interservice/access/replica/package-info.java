/**
 * A local replica of data owned elsewhere, fed by any {@link
 * io.interservice.access.spi.ChangeFeed}: apply by version, tombstones, readiness, watermark,
 * checksums.
 */
@NullMarked
package io.interservice.access.replica;

import org.jspecify.annotations.NullMarked;
