/**
 * The broker topology of Flux, one definition for start-up declarations and the broker
 * definitions file.
 */
@NullMarked
package dev.flux.events.topology;

import org.jspecify.annotations.NullMarked;
