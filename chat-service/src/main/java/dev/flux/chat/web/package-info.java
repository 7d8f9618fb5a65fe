/**
 * The HTTP edge shared by the chat-service's features: problem details, entity tags, the
 * caller's id, the clock and the OpenAPI description.
 */
@NullMarked
package dev.flux.chat.web;

import org.jspecify.annotations.NullMarked;
