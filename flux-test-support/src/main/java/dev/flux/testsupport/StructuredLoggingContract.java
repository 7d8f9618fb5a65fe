package dev.flux.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import dev.flux.testsupport.FluxInfrastructure.Endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operators ask a service for JSON logs with
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} ({@code FLUX_LOG_FORMAT=ecs ./flux up}).
 * This starts the service as its own process with that variable, on the real servers, and
 * reads what it prints until it has started.
 */
public abstract class StructuredLoggingContract {

	/** The service's {@code @SpringBootApplication} class. */
	protected abstract Class<?> application();

	/** The service's {@code spring.application.name}. */
	protected abstract String serviceName();

	@Test
	void logsOneJsonObjectPerLineWhenAskedTo() throws IOException {
		List<String> lines = new CopyOnWriteArrayList<>();
		Process process = start(lines);
		try {
			// A ceiling: a quiet machine starts the service in 10-20 s, a loaded one has
			// taken 90.
			await().atMost(Duration.ofMinutes(3))
				.until(() -> !process.isAlive() || lines.stream().anyMatch((line) -> line.contains("Started ")));
			assertThat(process.isAlive()).as("service is running; its output: %s", lines).isTrue();
		}
		finally {
			process.destroy();
		}

		assertThat(lines).isNotEmpty().allSatisfy((line) -> {
			assertThat(line).startsWith("{").endsWith("}");
			assertThat((String) JsonPath.read(line, "$.service.name")).isEqualTo(serviceName());
			assertThat((String) JsonPath.read(line, "$.log.level")).isNotBlank();
			assertThat((String) JsonPath.read(line, "$.message")).isNotNull();
		});
	}

	private Process start(List<String> lines) throws IOException {
		Endpoint postgres = FluxInfrastructure.postgres();
		Endpoint rabbitMq = FluxInfrastructure.rabbitMq();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				application().getName())
			.redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		environment.put("FLUX_HTTP_PORT", "0");
		environment.put("FLUX_MANAGEMENT_PORT", "0");
		environment.put("FLUX_DB_HOST", postgres.host());
		environment.put("FLUX_DB_PORT", String.valueOf(postgres.port()));
		environment.put("FLUX_RABBITMQ_HOST", rabbitMq.host());
		environment.put("FLUX_RABBITMQ_PORT", String.valueOf(rabbitMq.port()));
		Process process = builder.start();
		Thread.ofVirtual().start(() -> collect(process, lines));
		return process;
	}

	private static void collect(Process process, List<String> lines) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().filter((line) -> !line.isBlank()).forEach(lines::add);
		}
		catch (IOException ex) {
			lines.add("(output unreadable: " + ex.getMessage() + ")");
		}
	}

}
