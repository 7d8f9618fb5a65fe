package dev.flux.events.sample;

import java.util.Map;
import java.util.UUID;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.events.outbox.Outbox;

/** The sample service's API: a request that changes a sample and appends its event. */
@RestController
class SampleController {

	private final Outbox outbox;

	SampleController(Outbox outbox) {
		this.outbox = outbox;
	}

	@PostMapping("/samples")
	@Transactional
	Map<String, Object> happen(@RequestBody Map<String, String> request) {
		UUID sampleId = UUID.randomUUID();
		var envelope = this.outbox.append(sampleId.toString(), 1, new SampleHappened(sampleId, request.get("note")));
		return Map.of("eventId", envelope.eventId());
	}

}
