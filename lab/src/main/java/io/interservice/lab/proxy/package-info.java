/**
 * The lab's TCP proxy in front of the owner's endpoints: latency, resets and black holes injected
 * on the network, so that no service needs a fault hook.
 */
@NullMarked
package io.interservice.lab.proxy;

import org.jspecify.annotations.NullMarked;
