/**
 * The techniques checkout can price orders with, one class each behind {@link
 * io.interservice.checkout.technique.Technique}, listed in {@link
 * io.interservice.checkout.technique.Techniques}; their transports and codecs.
 */
@NullMarked
package io.interservice.checkout.technique;

import org.jspecify.annotations.NullMarked;
