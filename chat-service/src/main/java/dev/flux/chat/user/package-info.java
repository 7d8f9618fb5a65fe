/**
 * The chat-service's projection of users (name, display name, avatar, deleted), kept from
 * user.* and profile.updated.
 */
@NullMarked
package dev.flux.chat.user;

import org.jspecify.annotations.NullMarked;
