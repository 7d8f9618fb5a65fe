/**
 * Permission bits and the effective permission of a member in a server and a channel, as
 * Discord computes it.
 */
@NullMarked
package dev.flux.chat.permission;

import org.jspecify.annotations.NullMarked;
