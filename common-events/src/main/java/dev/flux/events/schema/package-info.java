/**
 * The messaging tables of Flux (schema {@code flux_events}), migrated by their own Flyway
 * history.
 */
@NullMarked
package dev.flux.events.schema;

import org.jspecify.annotations.NullMarked;
