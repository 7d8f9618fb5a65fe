/**
 * Sessions: rotating refresh-token families with reuse detection, refresh, logout and the
 * session list API.
 */
@NullMarked
package dev.flux.auth.session;

import org.jspecify.annotations.NullMarked;
