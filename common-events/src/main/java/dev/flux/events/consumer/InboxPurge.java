package dev.flux.events.consumer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes inbox rows older than the retention, on a schedule, one small batch per
 * statement. Every instance of a service runs it; the delete skips rows another instance
 * is deleting, so they share the work without waiting on each other.
 */
final class InboxPurge implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(InboxPurge.class);

	private static final Duration FIRST_PURGE_AFTER = Duration.ofMinutes(1);

	private final InboxStore store;

	private final InboxProperties properties;

	private volatile @Nullable ScheduledExecutorService scheduler;

	InboxPurge(InboxStore store, InboxProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService started = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("flux-inbox-purge").daemon().factory());
		long interval = this.properties.purgeInterval().toMillis();
		// Soon after start, so that a service redeployed more often than the interval
		// still purges, but off the start-up path.
		started.scheduleWithFixedDelay(this::purgeQuietly, Math.min(interval, FIRST_PURGE_AFTER.toMillis()), interval,
				TimeUnit.MILLISECONDS);
		this.scheduler = started;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService current = this.scheduler;
		this.scheduler = null;
		if (current != null) {
			current.shutdownNow();
			try {
				current.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * Deletes every row older than the retention, a batch per statement (each its own
	 * transaction).
	 * @return how many rows it deleted
	 */
	int purge() {
		int batchSize = this.properties.purgeBatchSize();
		int total = 0;
		int purged;
		do {
			purged = this.store.purgeProcessed(this.properties.retention(), batchSize);
			total += purged;
		}
		while (purged == batchSize && !Thread.currentThread().isInterrupted());
		if (total > 0) {
			logger.info("Purged {} inbox rows older than {}", total, this.properties.retention());
		}
		return total;
	}

	private void purgeQuietly() {
		try {
			purge();
		}
		catch (RuntimeException ex) {
			logger.warn("Purging the inbox failed, next try in {}: {}", this.properties.purgeInterval(),
					ex.getMessage());
		}
	}

}
