package dev.flux.events.admin;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.events.outbox.OutboxAdministration;

/**
 * The service's outbox backlog, retrying unroutable events, and replays to one consumer
 * queue.
 */
@RestController
@RequestMapping("/admin/outbox")
class OutboxController {

	private final OutboxAdministration outbox;

	OutboxController(OutboxAdministration outbox) {
		this.outbox = outbox;
	}

	@GetMapping
	OutboxAdministration.Backlog backlog() {
		return this.outbox.backlog();
	}

	/**
	 * Puts events the broker returned as unroutable back in line (once a binding exists).
	 */
	@PostMapping("/retry-failed")
	Map<String, Object> retryFailed() {
		return Map.of("requeued", this.outbox.retryFailed());
	}

	/**
	 * Re-sends retained events to one consumer queue: from an event id, or in a time
	 * range.
	 */
	@PostMapping("/replay")
	ResponseEntity<Map<String, Object>> replay(@RequestBody ReplayRequest request) {
		if (request.queue() == null || !request.queue().matches("[a-z]+\\.service\\.queue")) {
			throw DeadLetterController.problem(HttpStatus.BAD_REQUEST,
					"queue must name a service queue, e.g. user.service.queue");
		}
		int replayed;
		try {
			if (request.fromEventId() != null) {
				replayed = this.outbox.replayFrom(request.fromEventId(), request.queue());
			}
			else if (request.from() != null && request.to() != null && request.from().isBefore(request.to())) {
				replayed = this.outbox.replay(request.queue(), request.from(), request.to());
			}
			else {
				throw DeadLetterController.problem(HttpStatus.BAD_REQUEST,
						"give fromEventId, or from and to with from before to");
			}
		}
		catch (IllegalArgumentException ex) {
			throw DeadLetterController.problem(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		catch (OutboxAdministration.ReplayFailedException ex) {
			throw DeadLetterController.problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		}
		return ResponseEntity.accepted().body(Map.of("replayed", replayed));
	}

	/** What to replay, and to which queue. */
	record ReplayRequest(@Nullable String queue, @Nullable UUID fromEventId, @Nullable Instant from,
			@Nullable Instant to) {

	}

}
