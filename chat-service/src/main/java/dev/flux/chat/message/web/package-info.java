/**
 * The REST API of messages.
 */
@NullMarked
package dev.flux.chat.message.web;

import org.jspecify.annotations.NullMarked;
