/**
 * The HTTP edge of the auth-service: security filter chains, the per-client rate limit,
 * RFC 9457 problem details and the OpenAPI description.
 */
@NullMarked
package dev.flux.auth.web;

import org.jspecify.annotations.NullMarked;
