/** Acks ({@code POST /api/channels/{id}/messages/{id}/ack}) and read states. */
@NullMarked
package dev.flux.chat.readstate.web;

import org.jspecify.annotations.NullMarked;
