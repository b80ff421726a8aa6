/** Asynchronous request-reply: work done on a pool, kept as soft state, polled by id. */
@NullMarked
package io.interservice.owner.quotes;

import org.jspecify.annotations.NullMarked;
