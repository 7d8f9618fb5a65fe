/**
 * Access tokens: ES256 signing keys (encrypted at rest, rotated), JWT issuance, the JWKS
 * and the opaque random tokens other features hand out.
 */
@NullMarked
package dev.flux.auth.token;

import org.jspecify.annotations.NullMarked;
