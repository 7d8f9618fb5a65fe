/**
 * Email verification: one-time tokens mailed through {@code user.verification_requested}
 * and their redemption.
 */
@NullMarked
package dev.flux.auth.verification;

import org.jspecify.annotations.NullMarked;
