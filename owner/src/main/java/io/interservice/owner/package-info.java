/**
 * The owner side of sharing data: what a service that owns data runs so that others can read it.
 * {@link io.interservice.owner.quotes} answers requests asynchronously (202 and polling); {@link
 * io.interservice.owner.push} pushes every change to registered subscribers.
 */
@NullMarked
package io.interservice.owner;

import org.jspecify.annotations.NullMarked;
