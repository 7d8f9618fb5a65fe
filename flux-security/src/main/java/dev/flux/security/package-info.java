/**
 * Validation of Flux access tokens, the ES256 JWTs auth-service issues, for every service
 * that serves them as an OAuth2 resource server.
 */
@NullMarked
package dev.flux.security;

import org.jspecify.annotations.NullMarked;
