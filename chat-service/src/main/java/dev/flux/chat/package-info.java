/**
 * The chat-service of Flux: servers, channels, roles, invites and messages, with its own
 * projection of users.
 */
@NullMarked
package dev.flux.chat;

import org.jspecify.annotations.NullMarked;
