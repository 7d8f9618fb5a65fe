/**
 * The user-service of Flux: profiles, settings, activities and presence, a projection of
 * users kept in sync by events.
 */
@NullMarked
package dev.flux.user;

import org.jspecify.annotations.NullMarked;
