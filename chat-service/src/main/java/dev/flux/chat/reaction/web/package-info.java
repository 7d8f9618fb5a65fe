/** {@code /api/channels/{id}/messages/{id}/reactions}. */
@NullMarked
package dev.flux.chat.reaction.web;

import org.jspecify.annotations.NullMarked;
