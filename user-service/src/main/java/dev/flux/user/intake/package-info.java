/**
 * Applies the events other services publish about users (auth-service's
 * {@code user.created}, {@code user.updated}, {@code user.deleted}, the gateway's
 * {@code presence.updated}) to the profiles.
 */
@NullMarked
package dev.flux.user.intake;

import org.jspecify.annotations.NullMarked;
