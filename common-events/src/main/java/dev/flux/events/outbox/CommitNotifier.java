package dev.flux.events.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wakes the active relay, on whichever instance it runs, once transactions that appended
 * events have committed: one NOTIFY for all the commits since the last one, sent from a
 * thread of its own in a transaction of its own. A NOTIFY inside the appending
 * transaction would take PostgreSQL's cluster-wide notify lock and hold it through that
 * transaction's WAL flush, so that every appending transaction of every instance would
 * flush one after the other; this one commits without waiting for the flush, and an
 * appending transaction takes no lock it would not take anyway. A lost wake-up costs at
 * most the relay's poll interval.
 */
final class CommitNotifier implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(CommitNotifier.class);

	/** How long the thread sleeps between checks when nothing wakes it. */
	private static final Duration IDLE_PARK = Duration.ofSeconds(1);

	private static final String NOTIFY = "SELECT set_config('synchronous_commit', 'off', true), pg_notify('"
			+ OutboxStore.CHANNEL + "', '')";

	private final JdbcTemplate jdbc;

	private final AtomicBoolean committed = new AtomicBoolean();

	private final Thread thread;

	private volatile boolean running = true;

	CommitNotifier(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.thread = Thread.ofPlatform().name("flux-outbox-notify").daemon().start(this::run);
	}

	/** A transaction that appended events has committed. */
	void committed() {
		if (!this.committed.getAndSet(true)) {
			LockSupport.unpark(this.thread);
		}
	}

	private void run() {
		while (this.running) {
			if (!this.committed.getAndSet(false)) {
				LockSupport.parkNanos(this, IDLE_PARK.toNanos());
				continue;
			}
			try {
				this.jdbc.execute(NOTIFY);
			}
			catch (DataAccessException ex) {
				logger.debug("Notifying the relay failed; it finds the events at its next poll: {}", ex.toString());
			}
		}
	}

	@Override
	public void close() {
		this.running = false;
		LockSupport.unpark(this.thread);
	}

}
