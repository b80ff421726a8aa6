/**
 * The SQL transport: reading the owner's data from a database the services share, either its tables
 * ({@code shared-db}) or a view it publishes on purpose ({@code data-domain}), possibly inside the
 * reader's own transaction. JDK types only ({@code java.sql}).
 */
@NullMarked
package io.interservice.access.jdbc;

import org.jspecify.annotations.NullMarked;
