package dev.flux.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.awaitility.Awaitility;

/**
 * Every connection of a service's pool taken, for real: a thread takes each one it can
 * and keeps waiting for more, so a connection another user gives back comes to it rather
 * than to the request under test. Closing gives them all back.
 */
public final class ExhaustedPool implements AutoCloseable {

	private final List<Connection> held = new ArrayList<>();

	private final Thread taker;

	private volatile boolean closed;

	private ExhaustedPool(HikariDataSource pool) {
		this.taker = Thread.ofPlatform().name("exhausting-" + pool.getPoolName()).start(() -> take(pool));
	}

	/**
	 * Takes every connection and returns once none is idle, the pool is full and the
	 * taker waits for more, for half a second in a row.
	 */
	public static ExhaustedPool of(DataSource dataSource) {
		HikariDataSource pool = hikari(dataSource);
		ExhaustedPool exhausted = new ExhaustedPool(pool);
		Awaitility.await("every connection of " + pool.getPoolName() + " taken")
			.atMost(Duration.ofSeconds(20))
			.during(Duration.ofMillis(500))
			.until(() -> {
				HikariPoolMXBean state = pool.getHikariPoolMXBean();
				return state.getIdleConnections() == 0 && state.getTotalConnections() == pool.getMaximumPoolSize()
						&& state.getThreadsAwaitingConnection() > 0;
			});
		return exhausted;
	}

	/** The service's pool behind its DataSource. */
	static HikariDataSource hikari(DataSource dataSource) {
		try {
			return dataSource.unwrap(HikariDataSource.class);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The service's DataSource is not a Hikari pool", ex);
		}
	}

	private void take(HikariDataSource pool) {
		while (!this.closed) {
			try {
				Connection connection = pool.getConnection();
				synchronized (this.held) {
					this.held.add(connection);
				}
			}
			catch (SQLException ex) {
				// Timed out (the pool is exhausted) or interrupted by close(): wait again
				// or stop.
			}
		}
	}

	/** Gives every connection back. */
	@Override
	public void close() {
		this.closed = true;
		this.taker.interrupt();
		try {
			this.taker.join(Duration.ofSeconds(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		synchronized (this.held) {
			for (Connection connection : this.held) {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					// Given back to the pool already, or broken: either way not held any
					// more.
				}
			}
			this.held.clear();
		}
	}

}
