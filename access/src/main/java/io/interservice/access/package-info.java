/**
 * Reading data that another service owns, by any technique, with the provenance of every value.
 *
 * <p>The front door is {@link io.interservice.access.Access}. Everything in this package is
 * null-marked: {@code @Nullable} marks the rare exception.
 */
@NullMarked
package io.interservice.access;

import org.jspecify.annotations.NullMarked;
