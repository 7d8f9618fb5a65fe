/**
 * Taking an account back after an email change: the link mailed to the previous address
 * restores it, ends every session and sets a new password.
 */
@NullMarked
package dev.flux.auth.takeback;

import org.jspecify.annotations.NullMarked;
