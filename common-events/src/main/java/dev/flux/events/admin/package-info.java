/**
 * The operators' HTTP API for dead letters and the outbox, for callers with the admin
 * role.
 */
@NullMarked
package dev.flux.events.admin;

import org.jspecify.annotations.NullMarked;
