/**
 * Real PostgreSQL and RabbitMQ for Flux integration tests, never mocks.
 */
@NullMarked
package dev.flux.testsupport;

import org.jspecify.annotations.NullMarked;
