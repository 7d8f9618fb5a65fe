package dev.flux.events.outbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.flux.events.outbox.OutboxStore.OutboxStats;

/**
 * What operators can see and do with a service's outbox: its backlog, and putting events
 * the broker returned as unroutable back in line once a binding exists for them.
 */
public final class OutboxAdministration {

	private final OutboxStore store;

	OutboxAdministration(OutboxStore store) {
		this.store = store;
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
	 * The outbox backlog.
	 *
	 * @param pending events waiting to be published
	 * @param oldestPending when the oldest of them was appended
	 * @param failed events returned as unroutable, waiting for an operator
	 */
	public record Backlog(long pending, @Nullable Instant oldestPending, long failed) {

	}

}
