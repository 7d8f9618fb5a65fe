/**
 * Who may reach a user: the privacy settings user-service announces, as the chat enforces
 * them.
 */
@NullMarked
package dev.flux.chat.privacy;

import org.jspecify.annotations.NullMarked;
