/**
 * Pinned messages: up to 50 per channel, MANAGE_MESSAGES in servers, any member in DMs.
 */
@NullMarked
package dev.flux.chat.pin;

import org.jspecify.annotations.NullMarked;
