/**
 * Who may call the notification-service: its API with an access token from auth-service,
 * health and info without one, nothing else.
 */
@NullMarked
package dev.flux.notification.security;

import org.jspecify.annotations.NullMarked;
