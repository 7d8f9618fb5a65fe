/**
 * The web side of a Flux resource server: bearer-token authentication of a filter chain
 * and RFC 9457 problem details for every refusal.
 */
@NullMarked
package dev.flux.security.web;

import org.jspecify.annotations.NullMarked;
