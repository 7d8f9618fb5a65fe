package dev.flux.user.web;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dev.flux.user.profile.Versioned;

/**
 * Conditional requests (RFC 9110) on a {@link Versioned} representation: a read answers
 * 200 with its {@code ETag}, or 304 when {@code If-None-Match} names it; a write answers
 * 200 with the new {@code ETag}. (The {@code If-Match} check of writes is the domain's: a
 * stale one throws {@code StaleVersion}, answered 412.)
 */
public final class Conditional {

	private Conditional() {
	}

	/** 304 without a body when the client holds the current version, else 200. */
	public static <T> ResponseEntity<T> read(Versioned<T> versioned, @Nullable String ifNoneMatch) {
		if (notModified(ifNoneMatch, versioned.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(versioned.etag()).build();
		}
		return ResponseEntity.ok().eTag(versioned.etag()).body(versioned.body());
	}

	/** 200 with the representation after a write. */
	public static <T> ResponseEntity<T> written(Versioned<T> versioned) {
		return ResponseEntity.ok().eTag(versioned.etag()).body(versioned.body());
	}

	/**
	 * Whether a read with this {@code If-None-Match} is answered 304: the current tag is
	 * listed (weak comparison) or the header is {@code *}.
	 */
	private static boolean notModified(@Nullable String ifNoneMatch, String current) {
		if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
			return false;
		}
		return Arrays.stream(ifNoneMatch.split(","))
			.map(String::trim)
			.map((tag) -> tag.startsWith("W/") ? tag.substring(2) : tag)
			.anyMatch((tag) -> tag.equals("*") || tag.equals(current));
	}

}
