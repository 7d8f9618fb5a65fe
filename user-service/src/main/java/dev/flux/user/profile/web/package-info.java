/** The REST API of profiles, status and user search under {@code /api/users}. */
@NullMarked
package dev.flux.user.profile.web;

import org.jspecify.annotations.NullMarked;
