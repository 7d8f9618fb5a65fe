/**
 * Social login: Google and Facebook through Spring Security's OAuth2 client, linking and
 * unlinking provider identities, and the one-time codes that carry a browser flow's
 * outcome to the front-end.
 */
@NullMarked
package dev.flux.auth.social;

import org.jspecify.annotations.NullMarked;
