/**
 * Who may call the chat-service: its API with an access token from auth-service, health
 * and info without one, nothing else.
 */
@NullMarked
package dev.flux.chat.security;

import org.jspecify.annotations.NullMarked;
