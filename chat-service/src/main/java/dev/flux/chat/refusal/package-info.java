/**
 * Why the chat-service refuses a request, in domain terms; the web edge turns each into
 * problem details.
 */
@NullMarked
package dev.flux.chat.refusal;

import org.jspecify.annotations.NullMarked;
