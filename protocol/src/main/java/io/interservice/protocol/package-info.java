/**
 * What an owner and its readers must compute alike: reconciliation buckets and checksums ({@link
 * io.interservice.protocol.Buckets}), delivery signatures ({@link
 * io.interservice.protocol.Signatures}) and retry backoff ({@link
 * io.interservice.protocol.Backoff}). Both libraries depend on it; it depends on nothing.
 */
@NullMarked
package io.interservice.protocol;

import org.jspecify.annotations.NullMarked;
