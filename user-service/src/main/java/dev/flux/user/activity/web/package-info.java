/**
 * The REST API of the signed-in user's activities under {@code /api/users/me/activities}.
 */
@NullMarked
package dev.flux.user.activity.web;

import org.jspecify.annotations.NullMarked;
