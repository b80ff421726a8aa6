/**
 * What the scenario's services share: HTTP endpoints with RFC 9457 problems and request metrics,
 * settings from flags and environment, and their own database schema.
 */
@NullMarked
package io.interservice.service;

import org.jspecify.annotations.NullMarked;
