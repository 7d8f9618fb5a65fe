package dev.flux.user.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A representation with its entity tag: the answer to a read (200 with {@code ETag}, or
 * 304 when {@code If-None-Match} names it) or to a write (200 with the new {@code ETag}).
 */
public record Conditional<T>(T body, String etag) {

	/** 304 without a body when the client holds the current version, else 200. */
	public ResponseEntity<T> read(@Nullable String ifNoneMatch) {
		if (EntityTag.notModified(ifNoneMatch, this.etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(this.etag).build();
		}
		return ResponseEntity.ok().eTag(this.etag).body(this.body);
	}

	/** 200 with the representation after a write. */
	public ResponseEntity<T> written() {
		return ResponseEntity.ok().eTag(this.etag).body(this.body);
	}

}
