/** Open-loop load at a fixed rate, latency from intended send times, and the price writer. */
@NullMarked
package io.interservice.lab.load;

import org.jspecify.annotations.NullMarked;
