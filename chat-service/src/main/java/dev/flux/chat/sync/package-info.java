/**
 * Applies the events other services publish about users (auth-service's
 * {@code user.created}, {@code user.updated}, {@code user.deleted}, user-service's
 * {@code profile.updated}) to the user projection and, for a deleted user, to their
 * memberships and servers.
 */
@NullMarked
package dev.flux.chat.sync;

import org.jspecify.annotations.NullMarked;
