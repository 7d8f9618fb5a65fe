/**
 * Messages of channels: send, edit, delete, nonces and history pages by id.
 */
@NullMarked
package dev.flux.chat.message;

import org.jspecify.annotations.NullMarked;
