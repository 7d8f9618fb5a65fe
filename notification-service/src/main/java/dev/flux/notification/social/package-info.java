/**
 * What the notification-service knows of chat-service's direct messages (who is in each
 * DM channel) and of users' wish for notifications, for live delivery and the inbox.
 */
@NullMarked
package dev.flux.notification.social;

import org.jspecify.annotations.NullMarked;
