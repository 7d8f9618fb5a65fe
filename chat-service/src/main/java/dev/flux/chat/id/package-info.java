/**
 * Time-ordered 64-bit ids (Snowflake-style) for servers, channels, roles and messages.
 */
@NullMarked
package dev.flux.chat.id;

import org.jspecify.annotations.NullMarked;
