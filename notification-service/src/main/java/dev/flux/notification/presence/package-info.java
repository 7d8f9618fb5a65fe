/**
 * Presence as the gateways see it: a user's first connection and last disconnection,
 * published as presence.updated through the outbox.
 */
@NullMarked
package dev.flux.notification.presence;

import org.jspecify.annotations.NullMarked;
