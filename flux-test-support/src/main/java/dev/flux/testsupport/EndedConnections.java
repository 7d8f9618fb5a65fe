package dev.flux.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * What a PostgreSQL restart or an operator's {@code pg_terminate_backend} does to a
 * running service: every idle connection of its pool is ended on the server's side while
 * the pool still holds it as alive. The connections are given back right after, so the
 * pool hands the next request one of them without checking it (HikariCP checks only a
 * connection idle for over half a second), and that request meets the dead connection.
 */
public final class EndedConnections {

	private EndedConnections() {
	}

	/**
	 * Takes every idle connection of the pool, ends them from a connection of its own
	 * while holding them, and gives them back.
	 * @return how many connections were ended
	 */
	public static int endAll(DataSource dataSource) {
		HikariDataSource pool = ExhaustedPool.hikari(dataSource);
		// A role may end its own backends: this connection is the service role's own,
		// opened first so that the pool's connections go back the moment they are ended.
		try (Connection own = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
			List<Connection> taken = new ArrayList<>();
			try {
				return end(own, backendsOf(pool, taken));
			}
			finally {
				for (Connection connection : taken) {
					try {
						connection.close();
					}
					catch (SQLException ex) {
						// Given back already.
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not end the pool's connections", ex);
		}
	}

	/**
	 * Takes the idle connections (one the application holds, the relay's for its lock, is
	 * not the pool's to hand out) and reads their backends' pids. One ended before and
	 * not used since is skipped: closing it makes the pool drop it.
	 */
	private static List<Integer> backendsOf(HikariDataSource pool, List<Connection> taken) throws SQLException {
		List<Integer> backends = new ArrayList<>();
		for (int tries = 0; tries < 3 * pool.getMaximumPoolSize() && pool.getHikariPoolMXBean().getIdleConnections() > 0
				&& backends.size() < pool.getMaximumPoolSize(); tries++) {
			Connection connection = pool.getConnection();
			taken.add(connection);
			try (Statement statement = connection.createStatement();
					ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
				pid.next();
				backends.add(pid.getInt(1));
			}
			catch (SQLException ended) {
				// Ended already.
			}
		}
		return backends;
	}

	/** Ends the backends and waits until they are gone. */
	private static int end(Connection own, List<Integer> backends) throws SQLException {
		try (PreparedStatement end = own.prepareStatement(
				"SELECT count(*) FROM unnest(?::int[]) AS b(pid) WHERE pg_terminate_backend(b.pid, 5000)")) {
			end.setArray(1, own.createArrayOf("int4", backends.toArray()));
			try (ResultSet ended = end.executeQuery()) {
				ended.next();
				return ended.getInt(1);
			}
		}
	}

}
