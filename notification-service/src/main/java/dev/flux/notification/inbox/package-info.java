/**
 * The in-app inbox: notifications per user from the events that matter to them, and its
 * JSON API.
 */
@NullMarked
package dev.flux.notification.inbox;

import org.jspecify.annotations.NullMarked;
