/**
 * How far each user has read each channel: last read message, unread flag and mention
 * count; acks only move forward.
 */
@NullMarked
package dev.flux.chat.readstate;

import org.jspecify.annotations.NullMarked;
