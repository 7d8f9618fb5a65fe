/**
 * Who may call the user-service: its API with an access token from auth-service, health
 * and info without one, nothing else.
 */
@NullMarked
package dev.flux.user.security;

import org.jspecify.annotations.NullMarked;
