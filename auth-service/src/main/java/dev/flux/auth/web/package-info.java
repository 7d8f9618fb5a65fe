/**
 * The HTTP edge of the auth-service: security filter chains, the per-client rate limit,
 * the problem details its refusals answer with (through flux-web) and the OpenAPI
 * description.
 */
@NullMarked
package dev.flux.auth.web;

import org.jspecify.annotations.NullMarked;
