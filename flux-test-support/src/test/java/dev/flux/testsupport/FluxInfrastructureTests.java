package dev.flux.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flux.testsupport.FluxInfrastructure.Mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FluxInfrastructureTests {

	@Test
	void failsWithHowToFixItWhenNeitherServersNorDockerAreThere() {
		assertThatIllegalStateException().isThrownBy(() -> FluxInfrastructure.detect(Map.of(), () -> false))
			.withMessageContaining("./flux test")
			.withMessageContaining("Docker");
	}

	@Test
	void usesContainersWhenDockerRunsAndNoServersWereStarted() {
		assertThat(FluxInfrastructure.detect(Map.of(), () -> true)).isEqualTo(Mode.CONTAINERS);
	}

	@Test
	void usesTheServersFluxTestStartedEvenWhenDockerRuns() throws IOException {
		try (ServerSocket postgres = new ServerSocket(0); ServerSocket rabbit = new ServerSocket(0)) {
			Map<String, String> env = external(postgres.getLocalPort(), rabbit.getLocalPort());

			assertThat(FluxInfrastructure.detect(env, () -> true)).isEqualTo(Mode.EXTERNAL);
		}
	}

	@Test
	void failsNamingTheServerThatDoesNotAnswer() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (ServerSocket postgres = new ServerSocket(0)) {
			Map<String, String> env = external(postgres.getLocalPort(), closedPort);

			assertThatIllegalStateException().isThrownBy(() -> FluxInfrastructure.detect(env, () -> true))
				.withMessageContaining("No RabbitMQ answers on 127.0.0.1:" + closedPort)
				.withMessageContaining("./flux test");
		}
	}

	@Test
	void failsWhenExternalServersAreAnnouncedWithoutAnAddress() {
		assertThatIllegalStateException()
			.isThrownBy(() -> FluxInfrastructure.detect(Map.of("FLUX_TEST_INFRA", "external"), () -> true))
			.withMessageContaining("FLUX_DB_HOST");
	}

	private static Map<String, String> external(int postgresPort, int rabbitPort) {
		return Map.of("FLUX_TEST_INFRA", "external", "FLUX_DB_HOST", "127.0.0.1", "FLUX_DB_PORT",
				String.valueOf(postgresPort), "FLUX_RABBITMQ_HOST", "127.0.0.1", "FLUX_RABBITMQ_PORT",
				String.valueOf(rabbitPort));
	}

}
