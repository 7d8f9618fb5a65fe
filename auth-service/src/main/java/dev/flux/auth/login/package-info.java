/**
 * Signing in and out: password sign-in with throttling, refresh, logout and the session
 * list.
 */
@NullMarked
package dev.flux.auth.login;

import org.jspecify.annotations.NullMarked;
