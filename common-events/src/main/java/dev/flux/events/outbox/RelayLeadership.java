package dev.flux.events.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects one active relay among all instances of a service: the one whose dedicated
 * connection holds a PostgreSQL session advisory lock. The lock goes with the connection,
 * so a relay that dies, or loses its database, hands over to a standby. The same
 * connection LISTENs for other instances' commit notifications. A thread of its own owns
 * that connection (a JDBC connection is not thread-safe): it competes for the lock,
 * blocks on the connection for notifications, checks the session when none came for a
 * while, and signals the relay's wake on each notification and each change of role.
 */
final class RelayLeadership implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RelayLeadership.class);

	/**
	 * How long the thread blocks on the connection before it looks whether it should stop
	 * or resign.
	 */
	private static final Duration LISTEN_SLICE = Duration.ofMillis(100);

	/**
	 * How long the session may go without a sign of life before the thread checks it with
	 * a round trip. A session the server ends (terminated, restarted) is noticed at once,
	 * since the thread is blocked reading its socket; this finds one that went silent.
	 */
	private static final Duration LIVENESS_INTERVAL = Duration.ofSeconds(1);

	private static final int VALIDITY_TIMEOUT_SECONDS = 2;

	private final DataSource dataSource;

	private final long lockKey;

	private volatile boolean leader;

	private volatile boolean resign;

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	/** Why the last attempt at the lock failed, until one succeeds. */
	private volatile @Nullable SQLException failure;

	// Used by the leadership thread only.

	private @Nullable Connection connection;

	private boolean holding;

	private long aliveAt;

	RelayLeadership(DataSource dataSource, String service) {
		this.dataSource = dataSource;
		this.lockKey = UUID.nameUUIDFromBytes(("flux-outbox-relay:" + service).getBytes(StandardCharsets.UTF_8))
			.getMostSignificantBits();
	}

	/**
	 * Starts competing for the active role, every {@code standbyInterval} while another
	 * instance holds it. While this relay is the active one, the notifier wakes it on its
	 * own instance's commits.
	 */
	synchronized void start(RelayWake wake, CommitNotifier notifier, Duration standbyInterval) {
		if (this.thread != null) {
			return;
		}
		this.running = true;
		this.resign = false;
		this.failure = null;
		this.thread = Thread.ofPlatform()
			.name("flux-outbox-leadership")
			.daemon()
			.start(() -> run(wake, notifier, standbyInterval));
	}

	/**
	 * True when this relay is the active one.
	 * @throws SQLException when it is not and its last attempt to become it failed (the
	 * database is away)
	 */
	boolean tryLead() throws SQLException {
		if (this.leader) {
			return true;
		}
		SQLException failed = this.failure;
		if (failed != null) {
			throw new SQLException(
					"The relay cannot reach its database to compete for the active role: " + failed.getMessage(),
					failed.getSQLState(), failed);
		}
		return false;
	}

	boolean isLeader() {
		return this.leader;
	}

	/**
	 * Gives up the active role after a round failed on the database: the lock is released
	 * and competed for again after the standby interval.
	 */
	void resign() {
		this.leader = false;
		this.resign = true;
		Thread current = this.thread;
		if (current != null) {
			LockSupport.unpark(current);
		}
	}

	private void run(RelayWake wake, CommitNotifier notifier, Duration standbyInterval) {
		while (this.running) {
			try {
				if (this.resign) {
					this.resign = false;
					release(wake, notifier);
					pause(standbyInterval);
				}
				else if (this.holding) {
					listen(wake);
				}
				else if (!acquire(wake, notifier)) {
					pause(standbyInterval);
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.holding) {
					logger.warn("Outbox relay lost its database connection; giving up the active role: {}",
							ex.getMessage());
				}
				else {
					this.failure = (ex instanceof SQLException sql) ? sql : new SQLException(ex.getMessage(), ex);
				}
				release(wake, notifier);
				if (this.running) {
					pause(standbyInterval);
				}
			}
		}
		release(wake, notifier);
	}

	private boolean acquire(RelayWake wake, CommitNotifier notifier) throws SQLException {
		Connection current = connection();
		boolean locked;
		try (Statement statement = current.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + this.lockKey + ")")) {
			result.next();
			locked = result.getBoolean(1);
		}
		this.failure = null;
		if (!locked) {
			return false;
		}
		this.holding = true;
		try (Statement statement = current.createStatement()) {
			statement.execute("LISTEN " + OutboxStore.CHANNEL);
		}
		this.aliveAt = System.nanoTime();
		// Listening before the relay's first round, which reads every pending row: a
		// commit before that round is in it, one after it notifies or wakes it here.
		notifier.activeHere(wake);
		this.resign = false;
		this.leader = true;
		logger.info("Outbox relay is now the active relay of its service");
		wake.signal();
		return true;
	}

	/** Waits one slice for notifications; checks the session when quiet for long. */
	private void listen(RelayWake wake) throws SQLException {
		Connection current = connection();
		PGNotification[] notifications = current.unwrap(PGConnection.class)
			.getNotifications((int) LISTEN_SLICE.toMillis());
		long now = System.nanoTime();
		if (notifications != null && notifications.length > 0) {
			this.aliveAt = now;
			wake.signal();
		}
		else if (now - this.aliveAt > LIVENESS_INTERVAL.toNanos()) {
			if (!current.isValid(VALIDITY_TIMEOUT_SECONDS)) {
				throw new SQLException("the connection holding the relay's lock is no longer valid");
			}
			this.aliveAt = System.nanoTime();
		}
	}

	private Connection connection() throws SQLException {
		Connection current = this.connection;
		if (current == null) {
			current = this.dataSource.getConnection();
			current.setAutoCommit(true);
			this.connection = current;
		}
		return current;
	}

	/**
	 * Gives up the active role, the notifier's direct wake first, so that no commit of
	 * this instance goes unnotified once another instance can hold the lock. The
	 * connection comes from the pool and outlives this relay there, so the lock and the
	 * LISTEN are released explicitly before it goes back.
	 */
	private void release(RelayWake wake, CommitNotifier notifier) {
		boolean wasLeader = this.holding;
		this.leader = false;
		this.holding = false;
		notifier.leftHere(wake);
		Connection current = this.connection;
		this.connection = null;
		if (current != null) {
			try (current; Statement statement = current.createStatement()) {
				statement.execute("UNLISTEN *");
				statement.execute("SELECT pg_advisory_unlock_all()");
			}
			catch (SQLException ex) {
				logger.debug("Closing the relay's connection failed", ex);
			}
		}
		if (wasLeader) {
			wake.signal();
		}
	}

	private void pause(Duration duration) {
		long deadline = System.nanoTime() + duration.toNanos();
		long remaining = duration.toNanos();
		while (this.running && !this.resign && remaining > 0) {
			LockSupport.parkNanos(this, remaining);
			remaining = deadline - System.nanoTime();
		}
	}

	/** Gives up the active role and stops competing for it; start() competes again. */
	@Override
	public void close() {
		Thread current;
		synchronized (this) {
			current = this.thread;
			this.thread = null;
			this.running = false;
			this.leader = false;
		}
		if (current != null) {
			LockSupport.unpark(current);
			try {
				current.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
