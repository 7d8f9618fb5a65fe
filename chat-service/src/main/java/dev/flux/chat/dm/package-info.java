/**
 * Direct messages: 1:1 DM channels (one per pair of users) and group DMs of up to 10
 * users; their messages go through the message feature like any channel's.
 */
@NullMarked
package dev.flux.chat.dm;

import org.jspecify.annotations.NullMarked;
