/**
 * What a user shows they are doing (playing, listening, watching), at most five at once.
 */
@NullMarked
package dev.flux.user.activity;

import org.jspecify.annotations.NullMarked;
