/**
 * The correlation id and W3C traceparent that follow a request into its events and their
 * consumers.
 */
@NullMarked
package dev.flux.events.tracing;

import org.jspecify.annotations.NullMarked;
