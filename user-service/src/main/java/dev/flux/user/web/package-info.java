/**
 * The HTTP edge shared by the user-service's features: RFC 9457 problem details, entity
 * tags and preconditions, JSON merge-style patch bodies, the clock and the OpenAPI
 * description.
 */
@NullMarked
package dev.flux.user.web;

import org.jspecify.annotations.NullMarked;
