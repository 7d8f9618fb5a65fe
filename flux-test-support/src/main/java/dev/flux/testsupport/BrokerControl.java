package dev.flux.testsupport;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.testcontainers.rabbitmq.RabbitMQContainer;

import org.springframework.context.ApplicationContext;

/**
 * Stops and starts the RabbitMQ application of the test broker (the node keeps running
 * and keeps its port, like a broker restart as clients see it), for fault tests.
 */
public final class BrokerControl {

	private final ApplicationContext context;

	private BrokerControl(ApplicationContext context) {
		this.context = context;
	}

	/** Controls the broker the given test context is connected to. */
	public static BrokerControl of(ApplicationContext context) {
		return new BrokerControl(context);
	}

	/** Stops the broker: connections drop and new ones are refused. */
	public void stop() {
		run("stop_app");
	}

	/** Starts the broker again, with its durable queues and messages. */
	public void start() {
		run("start_app");
		run("await_startup");
	}

	private void run(String command) {
		switch (FluxInfrastructure.mode()) {
			case EXTERNAL -> runRabbitmqctl(command);
			case CONTAINERS -> runInContainer(command);
		}
	}

	private void runInContainer(String command) {
		RabbitMQContainer container = this.context.getBean(RabbitMQContainer.class);
		try {
			var result = container.execInContainer("rabbitmqctl", command);
			if (result.getExitCode() != 0) {
				throw new IllegalStateException("rabbitmqctl " + command + " failed: " + result.getStderr());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void runRabbitmqctl(String command) {
		String rabbitmqctl = required("FLUX_TEST_RABBITMQCTL");
		ProcessBuilder builder = new ProcessBuilder(
				List.of(rabbitmqctl, "-q", "-n", required("FLUX_TEST_RABBITMQ_NODENAME"), command))
			.redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.put("HOME", required("FLUX_TEST_RABBITMQ_HOME"));
		environment.put("ERL_EPMD_PORT", required("FLUX_TEST_ERL_EPMD_PORT"));
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
			}
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
		if (value == null) {
			throw new IllegalStateException(variable + " is not set: run the tests with ./flux test, which sets it");
		}
		return value;
	}

}
