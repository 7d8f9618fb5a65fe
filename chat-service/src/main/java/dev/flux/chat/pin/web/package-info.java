/** {@code /api/channels/{id}/pins}. */
@NullMarked
package dev.flux.chat.pin.web;

import org.jspecify.annotations.NullMarked;
