package dev.flux.chat.server.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dev.flux.events.permission.Permission;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.server.Views.Tagged;

/** Answers with an entity tag, and the permission names of requests. */
final class Responses {

	private Responses() {
	}

	static <T> ResponseEntity<T> ok(Tagged<T> tagged) {
		return ResponseEntity.ok().eTag(tagged.etag()).body(tagged.body());
	}

	static <T> ResponseEntity<T> created(Tagged<T> tagged) {
		return ResponseEntity.status(HttpStatus.CREATED).eTag(tagged.etag()).body(tagged.body());
	}

	/**
	 * @throws Refusal 400 for a name that is no permission
	 */
	static long permissions(String field, List<String> names) {
		try {
			return Permission.bitsOfNames(names);
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.invalid(field, "must list permission names among " + List.of(Permission.values()));
		}
	}

}
