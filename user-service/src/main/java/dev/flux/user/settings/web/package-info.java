/** The REST API of the signed-in user's settings under {@code /api/users/me/settings}. */
@NullMarked
package dev.flux.user.settings.web;

import org.jspecify.annotations.NullMarked;
