/**
 * The REST API of servers, channels, roles, members and invites.
 */
@NullMarked
package dev.flux.chat.server.web;

import org.jspecify.annotations.NullMarked;
