/**
 * The audit: after a run, every order line is classified against the owner's price history as
 * current, stale (with its staleness) or corrupt, and every acknowledged order is looked for.
 */
@NullMarked
package io.interservice.audit;

import org.jspecify.annotations.NullMarked;
