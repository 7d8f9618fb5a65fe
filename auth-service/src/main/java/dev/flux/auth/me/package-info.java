/**
 * The signed-in user's own account: read it, change username or email, delete it.
 */
@NullMarked
package dev.flux.auth.me;

import org.jspecify.annotations.NullMarked;
