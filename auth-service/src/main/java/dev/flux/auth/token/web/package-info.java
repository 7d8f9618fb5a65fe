/**
 * The public key endpoints: the JWKS and the discovery document.
 */
@NullMarked
package dev.flux.auth.token.web;

import org.jspecify.annotations.NullMarked;
