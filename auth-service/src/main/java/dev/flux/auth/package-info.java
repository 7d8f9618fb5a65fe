/**
 * The auth-service of Flux, identity: accounts, credentials, tokens, social login, email
 * verification and password reset.
 */
@NullMarked
package dev.flux.auth;

import org.jspecify.annotations.NullMarked;
