/** {@code /api/users/me/relationships} and {@code /api/users/me/blocks}. */
@NullMarked
package dev.flux.chat.relationship.web;

import org.jspecify.annotations.NullMarked;
