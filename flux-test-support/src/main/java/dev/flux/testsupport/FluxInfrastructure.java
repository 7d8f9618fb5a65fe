package dev.flux.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.testcontainers.DockerClientFactory;

/**
 * Where the integration tests find PostgreSQL and RabbitMQ: the servers
 * {@code ./flux test} started (it sets {@code FLUX_TEST_INFRA=external} and the
 * {@code FLUX_DB_*} / {@code FLUX_RABBITMQ_*} variables), else Testcontainers when a
 * Docker engine runs. With neither, tests fail with a message that says how to get them;
 * they are never skipped.
 */
public final class FluxInfrastructure {

	/** How the servers are provided. */
	public enum Mode {

		/** Servers started by {@code ./flux test} (or any the environment points at). */
		EXTERNAL,

		/** Containers started by Testcontainers. */
		CONTAINERS

	}

	static final String HOW_TO_FIX = """
			Integration tests need a real PostgreSQL and RabbitMQ, and found neither.
			Run the tests with ./flux test: it starts both (installing them with apt-get when you are root),
			or start a Docker engine so that Testcontainers can run them.""";

	private static volatile Mode mode;

	private FluxInfrastructure() {
	}

	/**
	 * The mode in use; the first call decides it, or fails with how to fix the machine.
	 */
	public static Mode mode() {
		Mode current = mode;
		if (current == null) {
			current = detect(System.getenv(), FluxInfrastructure::dockerAvailable);
			mode = current;
		}
		return current;
	}

	static Mode detect(Map<String, String> env, BooleanSupplier docker) {
		if ("external".equals(env.get("FLUX_TEST_INFRA"))) {
			requireReachable("PostgreSQL", env, "FLUX_DB_HOST", "FLUX_DB_PORT");
			requireReachable("RabbitMQ", env, "FLUX_RABBITMQ_HOST", "FLUX_RABBITMQ_PORT");
			return Mode.EXTERNAL;
		}
		if (docker.getAsBoolean()) {
			return Mode.CONTAINERS;
		}
		throw new IllegalStateException(HOW_TO_FIX);
	}

	/** PostgreSQL with the Flux databases and roles of deploy/postgres provisioned. */
	public static Endpoint postgres() {
		return switch (mode()) {
			case EXTERNAL -> Endpoint.of(System.getenv("FLUX_DB_HOST"), System.getenv("FLUX_DB_PORT"));
			case CONTAINERS -> ProvisionedContainers.postgres();
		};
	}

	/** RabbitMQ with the vhost, users and permissions of deploy/rabbitmq provisioned. */
	public static Endpoint rabbitMq() {
		return switch (mode()) {
			case EXTERNAL -> Endpoint.of(System.getenv("FLUX_RABBITMQ_HOST"), System.getenv("FLUX_RABBITMQ_PORT"));
			case CONTAINERS -> ProvisionedContainers.rabbitMq();
		};
	}

	/** The root of the Flux checkout (the folder holding the {@code flux} launcher). */
	public static Path projectRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("flux"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException(
					"Run the tests from inside the Flux checkout (no ./flux launcher found above "
							+ Path.of("").toAbsolutePath() + ")");
		}
		return dir;
	}

	private static void requireReachable(String what, Map<String, String> env, String hostVariable,
			String portVariable) {
		String host = env.get(hostVariable);
		String port = env.get(portVariable);
		if (host == null || port == null) {
			throw new IllegalStateException("FLUX_TEST_INFRA=external needs " + hostVariable + " and " + portVariable
					+ " for " + what + ". Run the tests with ./flux test, which sets them.");
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, Integer.parseInt(port)), 2000);
		}
		catch (IOException | NumberFormatException ex) {
			throw new IllegalStateException("No " + what + " answers on " + host + ":" + port + " (" + ex.getMessage()
					+ "). Run the tests with ./flux test, which starts it.", ex);
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** A host and port to connect to. */
	public record Endpoint(String host, int port) {

		static Endpoint of(String host, String port) {
			return new Endpoint(host, Integer.parseInt(port));
		}

	}

}
