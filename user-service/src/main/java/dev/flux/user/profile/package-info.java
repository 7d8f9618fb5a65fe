/**
 * A user's profile and the aggregate (profile, settings, activities) every change locks
 * and announces.
 */
@NullMarked
package dev.flux.user.profile;

import org.jspecify.annotations.NullMarked;
