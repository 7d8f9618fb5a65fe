package dev.flux.events.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

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
 * connection LISTENs for the commit notifications that wake the active relay.
 */
final class RelayLeadership implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RelayLeadership.class);

	private final DataSource dataSource;

	private final long lockKey;

	private @Nullable Connection connection;

	private boolean leader;

	/**
	 * Whether a notification just came on the connection: its session, and so the lock,
	 * was alive then, which spares the check of the next round a round trip.
	 */
	private boolean notified;

	RelayLeadership(DataSource dataSource, String service) {
		this.dataSource = dataSource;
		this.lockKey = UUID.nameUUIDFromBytes(("flux-outbox-relay:" + service).getBytes(StandardCharsets.UTF_8))
			.getMostSignificantBits();
	}

	/** True when this relay is (or has just become) the active one. */
	boolean tryLead() throws SQLException {
		Connection current = connection();
		if (this.leader) {
			if (this.notified) {
				this.notified = false;
				return true;
			}
			if (current.isValid(2)) {
				return true;
			}
			logger.warn("Outbox relay lost its database connection; giving up the active role");
			close();
			return false;
		}
		try (Statement statement = current.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + this.lockKey + ")")) {
			result.next();
			this.leader = result.getBoolean(1);
		}
		if (this.leader) {
			try (Statement statement = current.createStatement()) {
				statement.execute("LISTEN " + OutboxStore.CHANNEL);
			}
			logger.info("Outbox relay is now the active relay of its service");
		}
		return this.leader;
	}

	/**
	 * Waits at most {@code timeout} for a transaction that appended events to commit.
	 * @return whether one did
	 */
	boolean awaitCommit(Duration timeout) throws SQLException {
		PGNotification[] notifications = connection().unwrap(PGConnection.class)
			.getNotifications((int) Math.max(1, timeout.toMillis()));
		this.notified = notifications != null && notifications.length > 0;
		return this.notified;
	}

	boolean isLeader() {
		return this.leader;
	}

	private Connection connection() throws SQLException {
		if (this.connection == null) {
			Connection created = this.dataSource.getConnection();
			created.setAutoCommit(true);
			this.connection = created;
		}
		return this.connection;
	}

	/**
	 * Gives up the active role. The connection comes from the pool and outlives this
	 * relay there, so the lock and the LISTEN are released explicitly before it goes
	 * back.
	 */
	@Override
	public void close() {
		this.leader = false;
		this.notified = false;
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
	}

}
