package dev.flux.events.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wakes the active relay once transactions that appended events have committed. When that
 * relay runs in this instance, it is woken in the JVM, at once and without a round trip.
 * Otherwise one NOTIFY for all the commits since the last one wakes it wherever it runs,
 * sent from a thread of its own in a transaction of its own: a NOTIFY inside the
 * appending transaction would take PostgreSQL's cluster-wide notify lock and hold it
 * through that transaction's WAL flush, so that every appending transaction of every
 * instance would flush one after the other; this one commits without waiting for the
 * flush. A lost wake-up costs at most the relay's poll interval.
 */
final class CommitNotifier implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(CommitNotifier.class);

	/** How long the thread sleeps between checks when nothing wakes it. */
	private static final Duration IDLE_PARK = Duration.ofSeconds(1);

	private static final String NOTIFY = "SELECT set_config('synchronous_commit', 'off', true), pg_notify('"
			+ OutboxStore.CHANNEL + "', '')";

	private final JdbcTemplate jdbc;

	private final AtomicBoolean committed = new AtomicBoolean();

	/** The wake of this instance's relay while it is the active one. */
	private final AtomicReference<@Nullable RelayWake> activeHere = new AtomicReference<>();

	private final AtomicLong notificationsSent = new AtomicLong();

	private final Thread thread;

	private volatile boolean running = true;

	CommitNotifier(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.thread = Thread.ofPlatform().name("flux-outbox-notify").daemon().start(this::run);
	}

	/** A transaction that appended events has committed. */
	void committed() {
		RelayWake local = this.activeHere.get();
		if (local != null) {
			local.signal();
			return;
		}
		notifyOtherInstances();
	}

	/**
	 * This instance's relay has become the active one (it holds the lock and listens):
	 * from now on its instance's commits wake it directly.
	 */
	void activeHere(RelayWake wake) {
		this.activeHere.set(wake);
	}

	/**
	 * This instance's relay is giving up the active role, before it releases the lock:
	 * its instance's commits notify again, and one notification now covers any commit
	 * that woke only this relay while another one may have taken over already.
	 */
	void leftHere(RelayWake wake) {
		if (this.activeHere.compareAndSet(wake, null)) {
			notifyOtherInstances();
		}
	}

	/** How many NOTIFYs this instance has sent. */
	long notificationsSent() {
		return this.notificationsSent.get();
	}

	private void notifyOtherInstances() {
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
				this.notificationsSent.incrementAndGet();
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
