/**
 * Abuse limits: per-account throttling of failed sign-ins, shared by all instances
 * through the database.
 */
@NullMarked
package dev.flux.auth.throttle;

import org.jspecify.annotations.NullMarked;
