/**
 * Flux's event contracts: the envelope, the payload types and their JSON encoding.
 */
@NullMarked
package dev.flux.events;

import org.jspecify.annotations.NullMarked;
