/**
 * Spring Boot auto-configuration that gives a service the outbox, the consumers and the
 * topology.
 */
@NullMarked
package dev.flux.events.autoconfigure;

import org.jspecify.annotations.NullMarked;
