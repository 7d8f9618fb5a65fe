/** Password sign-in, throttled per account and per client, ending in a new session. */
@NullMarked
package dev.flux.auth.login;

import org.jspecify.annotations.NullMarked;
