package dev.flux.system.harness;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flux.testsupport.FluxInfrastructure.Endpoint;

/**
 * The services' PostgreSQL databases, reached as each service's own role: emptied before
 * the system starts, read by the checker, and the target of the database faults.
 */
public final class Databases {

	private final Endpoint postgres;

	private final AtomicInteger restarts = new AtomicInteger();

	Databases(Endpoint postgres) {
		this.postgres = postgres;
	}

	public Endpoint endpoint() {
		return this.postgres;
	}

	/**
	 * A connection to {@code flux_<service>} as its own role ({@code auth},
	 * {@code user}...).
	 */
	public Connection connect(String service) throws SQLException {
		String role = "flux_" + service;
		return DriverManager.getConnection(
				"jdbc:postgresql://" + this.postgres.host() + ":" + this.postgres.port() + "/" + role, role, role);
	}

	/**
	 * Drops everything in the services' databases (their own schema and the messaging
	 * schema of common-events: outbox, inbox, dead letters), so Flyway builds them
	 * afresh.
	 */
	void reset(List<String> services) {
		for (String service : services) {
			try (Connection connection = connect(service); Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS flux_events CASCADE");
				statement.execute("DROP SCHEMA public CASCADE");
				statement.execute("CREATE SCHEMA public");
			}
			catch (SQLException ex) {
				throw new IllegalStateException(
						"Could not empty database flux_" + service + " on " + this.postgres + ": " + ex.getMessage(),
						ex);
			}
		}
	}

	/**
	 * Terminates every connection of a service's role (its pools and its relay's lock
	 * connection); a role may end its own sessions without being a superuser.
	 * @return how many were terminated
	 */
	public int terminateConnections(String service) throws SQLException {
		try (Connection connection = connect(service);
				Statement statement = connection.createStatement();
				var result = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
						+ " WHERE usename = current_user AND pid <> pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
	}

	/** How many times {@link #restartServer()} was called. */
	public int restarts() {
		return this.restarts.get();
	}

	/**
	 * Restarts the PostgreSQL server (pg_ctl restart, fast mode) that {@code ./flux test}
	 * started; it says where through {@code FLUX_TEST_PG_BIN} and
	 * {@code FLUX_TEST_PG_DATA}.
	 */
	public void restartServer() {
		this.restarts.incrementAndGet();
		String bin = required("FLUX_TEST_PG_BIN");
		String data = required("FLUX_TEST_PG_DATA");
		List<String> command = new ArrayList<>();
		String user = System.getenv("FLUX_TEST_PG_OS_USER");
		if (user != null && !user.isBlank()) {
			command.addAll(List.of("runuser", "-u", user, "--"));
		}
		// The restarted server logs where ./flux test's did (-l). Without it, it would
		// write
		// to pg_ctl's output, which it keeps open: reading that to its end never ends.
		String log = Path.of(data).resolveSibling("postgres.log").toString();
		command.addAll(List.of(bin + "/pg_ctl", "-D", data, "-l", log, "-m", "fast", "-w", "-t", "60", "restart"));
		try {
			Path output = Files.createTempFile("pg_ctl", ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.directory(new File("/"))
				.start();
			if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
			}
			Files.deleteIfExists(output);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String required(String variable) {
		String value = System.getenv(variable);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(variable + " is not set: run the system tests with ./flux test, which"
					+ " starts the PostgreSQL server they restart and sets it");
		}
		return value;
	}

}
