/** A user's status: the one they chose, else the gateway's presence. */
@NullMarked
package dev.flux.user.presence;

import org.jspecify.annotations.NullMarked;
