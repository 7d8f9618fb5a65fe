package dev.flux.events.consumer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.AmqpException;

import dev.flux.events.topology.FluxTopology;

/**
 * The operators' view of a service's dead letters: list, show, replay (send the original
 * message back to the service's queue, attempts reset) and discard.
 */
public final class DeadLetters {

	private final String queue;

	private final DeadLetterStore store;

	private final ConfirmedSender sender;

	DeadLetters(String queue, DeadLetterStore store, ConfirmedSender sender) {
		this.queue = queue;
		this.store = store;
		this.sender = sender;
	}

	/**
	 * Dead letters after {@code afterId}, oldest first, of one status (DEAD, REPLAYED,
	 * DISCARDED) or all.
	 */
	public List<DeadLetter> list(@Nullable String status, long afterId, int limit) {
		return this.store.list(this.queue, status, afterId, limit);
	}

	public Optional<DeadLetter> find(long id) {
		return this.store.find(this.queue, id);
	}

	/** The number of dead letters waiting for an operator. */
	public long countDead() {
		return this.store.countDead(this.queue);
	}

	/**
	 * Sends a dead letter back to the service's queue, confirmed, then marks it REPLAYED.
	 * Sent twice by two operators at once, it is still handled once: consumers are
	 * idempotent.
	 * @return false when there is no such DEAD letter
	 * @throws org.springframework.amqp.AmqpException when the broker did not take it (it
	 * stays DEAD)
	 */
	public boolean replay(long id) {
		Optional<DeadLetter> deadLetter = find(id).filter((candidate) -> "DEAD".equals(candidate.status()));
		if (deadLetter.isEmpty()) {
			return false;
		}
		DeadLetter letter = deadLetter.get();
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(letter.eventId());
		properties.setType(letter.eventType());
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setHeader(FluxHeaders.ORIGINAL_ROUTING_KEY, letter.routingKey());
		properties.setHeader(FluxHeaders.REPLAYED_FROM, String.valueOf(letter.id()));
		// Back to the partition of its aggregate.
		Object aggregateId = letter.headers().get(FluxTopology.AGGREGATE_HEADER);
		if (aggregateId != null) {
			properties.setHeader(FluxTopology.AGGREGATE_HEADER, aggregateId);
		}
		Object traceparent = letter.headers().get("traceparent");
		if (traceparent != null) {
			properties.setHeader("traceparent", traceparent);
		}
		try {
			this.sender.send(FluxTopology.REPLAY_EXCHANGE, this.queue,
					new Message(letter.body().getBytes(StandardCharsets.UTF_8), properties));
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new AmqpException("Replaying dead letter " + id + " failed", ex);
		}
		return this.store.resolve(this.queue, id, "REPLAYED");
	}

	/** Replays every DEAD letter; returns how many. */
	public int replayAll() {
		int replayed = 0;
		long afterId = 0;
		List<DeadLetter> page;
		do {
			page = list("DEAD", afterId, 100);
			for (DeadLetter letter : page) {
				if (replay(letter.id())) {
					replayed++;
				}
				afterId = letter.id();
			}
		}
		while (page.size() == 100);
		return replayed;
	}

	/**
	 * Erases the dead letters about someone whose data is gone (a deleted account): every
	 * dead letter of this service whose message names the id loses its payload and error
	 * message and is DISCARDED, so it can be neither read nor replayed. Ids, type and
	 * routing key stay for the operators' record.
	 * @param id the erased aggregate's id, e.g. a user id
	 * @return how many dead letters were erased
	 */
	public int erase(String id) {
		return this.store.erase(id);
	}

	/**
	 * Marks a dead letter DISCARDED: an operator decided it must not be handled.
	 * @return false when there is no such DEAD letter
	 */
	public boolean discard(long id) {
		return this.store.resolve(this.queue, id, "DISCARDED");
	}

}
