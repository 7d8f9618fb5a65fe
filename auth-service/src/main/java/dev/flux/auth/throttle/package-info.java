/**
 * Abuse limits: per-account throttling of failed sign-ins, shared by all instances
 * through the database, and per-address limits on registrations and email changes.
 */
@NullMarked
package dev.flux.auth.throttle;

import org.jspecify.annotations.NullMarked;
