/**
 * Who is calling: signed tokens (JWT, ES256 only) that each service mints for itself with its own
 * key ({@link io.interservice.service.identity.ServiceCredentials}), that an authority mints for
 * operators and clients, and that the called service checks against the public keys and grants it
 * trusts ({@link io.interservice.service.identity.Trust}). {@link
 * io.interservice.service.identity.Provisioning} writes a deployment's keys and trust files.
 */
@NullMarked
package io.interservice.service.identity;

import org.jspecify.annotations.NullMarked;
