/**
 * The security audit log: sign-ins, lockouts, password and token events, without secrets.
 */
@NullMarked
package dev.flux.auth.audit;

import org.jspecify.annotations.NullMarked;
