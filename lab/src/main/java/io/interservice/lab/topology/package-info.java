/**
 * Starting and stopping the scenario for real: an embedded PostgreSQL, its roles and schemas, and
 * catalog and checkout as separate JVM processes. Everything started is stopped by PID.
 */
@NullMarked
package io.interservice.lab.topology;

import org.jspecify.annotations.NullMarked;
