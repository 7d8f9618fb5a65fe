/**
 * Permission bits and the effective permission of a member in a server and a channel, as
 * Discord computes it: one calculator for the chat-service, which enforces it, and the
 * gateway, which delivers by it.
 */
@NullMarked
package dev.flux.events.permission;

import org.jspecify.annotations.NullMarked;
