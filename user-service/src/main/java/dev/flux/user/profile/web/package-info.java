/**
 * The REST API of profiles, status, settings and activities under {@code /api/users}.
 */
@NullMarked
package dev.flux.user.profile.web;

import org.jspecify.annotations.NullMarked;
