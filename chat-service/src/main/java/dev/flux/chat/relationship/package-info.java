/**
 * Friends and blocks: friend requests, the friend list, blocking; a block is never
 * revealed to the blocked user.
 */
@NullMarked
package dev.flux.chat.relationship;

import org.jspecify.annotations.NullMarked;
