/**
 * Runs Flux as a deployment: every service's jar as processes, a RabbitMQ cluster,
 * PostgreSQL, SMTP.
 */
@NullMarked
package dev.flux.system.harness;

import org.jspecify.annotations.NullMarked;
