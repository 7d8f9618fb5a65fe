package dev.flux.auth.session;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A live session as its owner sees it.
 *
 * @param id the session id, for {@code DELETE /api/auth/sessions/{id}}
 * @param userAgent the device's user agent at the last refresh
 * @param ipAddress the client address at the last refresh
 * @param createdAt when the user signed in
 * @param lastUsedAt when its refresh token was last exchanged
 * @param current whether the calling access token belongs to it
 */
public record SessionView(UUID id, @Nullable String userAgent, @Nullable String ipAddress, Instant createdAt,
		Instant lastUsedAt, boolean current) {

}
