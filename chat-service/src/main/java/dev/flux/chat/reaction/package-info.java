/**
 * Reactions: one per user, emoji (unicode or {@code :name:}) and message, counted per
 * emoji.
 */
@NullMarked
package dev.flux.chat.reaction;

import org.jspecify.annotations.NullMarked;
