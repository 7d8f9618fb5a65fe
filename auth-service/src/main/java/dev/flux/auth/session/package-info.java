/**
 * Sessions: refresh-token families with rotation, reuse detection and revocation, and the
 * token pairs handed to clients.
 */
@NullMarked
package dev.flux.auth.session;

import org.jspecify.annotations.NullMarked;
