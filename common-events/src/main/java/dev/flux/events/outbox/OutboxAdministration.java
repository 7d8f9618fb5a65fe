package dev.flux.events.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.outbox.OutboxStore.OutboxStats;

/**
 * What operators can do with a service's outbox: see its backlog, put events the broker
 * returned as unroutable back in line, and replay retained events to one consumer's queue
 * (so it can heal or rebuild its projection; its inbox makes the replay safe). Sensitive
 * events are never replayed.
 */
public final class OutboxAdministration {

	private static final int REPLAY_BATCH = 500;

	private final OutboxStore store;

	private final OutboxPublisher publisher;

	OutboxAdministration(OutboxStore store, OutboxPublisher publisher) {
		this.store = store;
		this.publisher = publisher;
	}

	/** The backlog now. */
	public Backlog backlog() {
		OutboxStats stats = this.store.stats();
		return new Backlog(stats.pending(), stats.oldestPending(), stats.failed());
	}

	/** Puts every FAILED event back to PENDING; returns how many. */
	public int retryFailed() {
		return this.store.retryFailed();
	}

	/**
	 * Re-sends the retained events appended in {@code [from, to)}, in their original
	 * order, to one consumer queue.
	 * @param queue the consumer's queue, e.g. {@code user.service.queue}
	 * @return how many events were re-sent
	 * @throws ReplayFailedException when the broker did not confirm them all (for example
	 * when the queue does not exist); the events before the failure were sent
	 */
	public int replay(String queue, Instant from, Instant to) {
		int replayed = 0;
		long afterId = 0;
		List<PendingEvent> batch;
		do {
			batch = this.store.retained(from, to, afterId, REPLAY_BATCH);
			if (batch.isEmpty()) {
				break;
			}
			PublishOutcome outcome = this.publisher.replay(batch, queue);
			if (!outcome.returned().isEmpty() || !outcome.unconfirmed().isEmpty()) {
				throw new ReplayFailedException("Replay to " + queue + " stopped after " + replayed + " events: "
						+ (outcome.returned().isEmpty() ? outcome.problem() : outcome.returned().getFirst().reason()));
			}
			replayed += batch.size();
			afterId = batch.getLast().id();
		}
		while (batch.size() == REPLAY_BATCH);
		return replayed;
	}

	/**
	 * Re-sends the retained events from the given one (included) to now, to one consumer
	 * queue.
	 * @return how many events were re-sent
	 * @throws IllegalArgumentException when the event is no longer (or never was) in the
	 * outbox
	 */
	public int replayFrom(UUID eventId, String queue) {
		Instant from = this.store.appendedAt(eventId)
			.orElseThrow(() -> new IllegalArgumentException("Event " + eventId + " is not in the outbox"));
		return replay(queue, from, Instant.now().plusSeconds(1));
	}

	/**
	 * The outbox backlog.
	 *
	 * @param pending events waiting to be published
	 * @param oldestPending when the oldest of them was appended
	 * @param failed events returned as unroutable, waiting for an operator
	 */
	public record Backlog(long pending, @Nullable Instant oldestPending, long failed) {

	}

	/** The broker did not take a replay. */
	public static final class ReplayFailedException extends RuntimeException {

		ReplayFailedException(String message) {
			super(message);
		}

	}

}
