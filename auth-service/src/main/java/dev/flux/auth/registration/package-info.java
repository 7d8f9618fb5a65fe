/**
 * Registration with email, username and password: the account, its first session and the
 * verification email, in one transaction.
 */
@NullMarked
package dev.flux.auth.registration;

import org.jspecify.annotations.NullMarked;
