/** HTTP transports of the access library that are protocols of their own (quote polling). */
@NullMarked
package io.interservice.access.http;

import org.jspecify.annotations.NullMarked;
