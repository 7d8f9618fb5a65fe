/**
 * The HTTP edge every Flux service shares: RFC 9457 problem details in one shape, domain
 * exceptions mapped to them, and input checks done once for every endpoint.
 */
@NullMarked
package dev.flux.web;

import org.jspecify.annotations.NullMarked;
