/**
 * The payload records of Flux's events, their JSON Schemas, and the codec that holds both
 * sides of the wire to them.
 */
@NullMarked
package dev.flux.events.contract;

import org.jspecify.annotations.NullMarked;
