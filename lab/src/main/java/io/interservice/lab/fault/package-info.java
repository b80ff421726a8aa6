/**
 * Fault scenarios: steady load plus at most one fault window. Each is a small class registered in
 * {@link io.interservice.lab.fault.Faults}.
 */
@NullMarked
package io.interservice.lab.fault;

import org.jspecify.annotations.NullMarked;
