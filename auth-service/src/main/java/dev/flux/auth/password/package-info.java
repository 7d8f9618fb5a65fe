/**
 * Passwords: the policy, Argon2id hashing that upgrades old hashes, and forgot, reset and
 * change.
 */
@NullMarked
package dev.flux.auth.password;

import org.jspecify.annotations.NullMarked;
