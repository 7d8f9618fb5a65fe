/**
 * Servers (guilds): their channels, roles, overwrites, members, bans and invites, each
 * write checked against the caller's permission.
 */
@NullMarked
package dev.flux.chat.server;

import org.jspecify.annotations.NullMarked;
