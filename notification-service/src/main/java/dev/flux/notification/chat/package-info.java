/**
 * The gateway's projection of chat: servers, members, roles and channels from
 * chat-service's events, and from them who may view each channel.
 */
@NullMarked
package dev.flux.notification.chat;

import org.jspecify.annotations.NullMarked;
