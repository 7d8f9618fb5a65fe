package dev.flux.events.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.events.consumer.DeadLetter;
import dev.flux.events.consumer.DeadLetters;

/** Lists, shows, replays and discards the service's dead letters. */
@RestController
@RequestMapping("/admin/dead-letters")
class DeadLetterController {

	private static final Set<String> STATUSES = Set.of("DEAD", "REPLAYED", "DISCARDED");

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	/**
	 * Dead letters after {@code after}, oldest first; {@code status} DEAD (default),
	 * REPLAYED, DISCARDED or ALL.
	 */
	@GetMapping
	List<DeadLetter> list(@RequestParam(defaultValue = "DEAD") String status,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw problem(HttpStatus.BAD_REQUEST, "limit must be between 1 and 500");
		}
		if (!"ALL".equals(status) && !STATUSES.contains(status)) {
			throw problem(HttpStatus.BAD_REQUEST, "status must be one of DEAD, REPLAYED, DISCARDED, ALL");
		}
		return this.deadLetters.list("ALL".equals(status) ? null : status, after, limit);
	}

	@GetMapping("/{id}")
	DeadLetter show(@PathVariable long id) {
		return this.deadLetters.find(id).orElseThrow(() -> notFound(id));
	}

	/** Sends one dead letter back to the service's queue. */
	@PostMapping("/{id}/replay")
	ResponseEntity<Map<String, Object>> replay(@PathVariable long id) {
		if (!this.deadLetters.replay(id)) {
			throw notDead(id);
		}
		return ResponseEntity.accepted().body(Map.of("replayed", 1));
	}

	/** Sends every DEAD letter back to the service's queue. */
	@PostMapping("/replay")
	ResponseEntity<Map<String, Object>> replayAll() {
		return ResponseEntity.accepted().body(Map.of("replayed", this.deadLetters.replayAll()));
	}

	/** Marks a dead letter DISCARDED: it will not be handled. */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> discard(@PathVariable long id) {
		if (!this.deadLetters.discard(id)) {
			throw notDead(id);
		}
		return ResponseEntity.noContent().build();
	}

	private ErrorResponseException notDead(long id) {
		return this.deadLetters.find(id).isPresent()
				? problem(HttpStatus.CONFLICT, "Dead letter " + id + " was already replayed or discarded")
				: notFound(id);
	}

	private static ErrorResponseException notFound(long id) {
		return problem(HttpStatus.NOT_FOUND, "No dead letter " + id);
	}

	static ErrorResponseException problem(HttpStatus status, @Nullable String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

}
