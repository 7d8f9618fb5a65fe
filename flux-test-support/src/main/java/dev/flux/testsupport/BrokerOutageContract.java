package dev.flux.testsupport;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Flux service does when RabbitMQ cannot be reached: it still starts, reports
 * itself not ready (so no traffic is routed to it) and stays live (so it is not restarted
 * in a loop while the broker is away).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithFluxInfrastructure
@Import(BrokerOutageContract.UnreachableBroker.class)
public abstract class BrokerOutageContract {

	@LocalServerPort
	private int port;

	@Test
	void isNotReadyWhileTheBrokerIsUnreachable() throws Exception {
		HttpResponse<String> readiness = get("/readyz");

		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat((String) JsonPath.read(readiness.body(), "$.components.rabbit.status")).isEqualTo("DOWN");
		assertThat((String) JsonPath.read(readiness.body(), "$.components.db.status")).isEqualTo("UP");
	}

	@Test
	void staysLiveWhileTheBrokerIsUnreachable() throws Exception {
		assertThat(get("/livez").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return LocalHttp.get(this.port, path);
	}

	/**
	 * Points the service at a local port nothing listens on, whatever else configures the
	 * broker.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class UnreachableBroker {

		@Bean
		@Primary
		RabbitConnectionDetails unreachableBroker() throws IOException {
			int port = FreePorts.next();
			return new RabbitConnectionDetails() {

				@Override
				public String getUsername() {
					return "flux";
				}

				@Override
				public String getPassword() {
					return "flux";
				}

				@Override
				public List<Address> getAddresses() {
					return List.of(new Address("127.0.0.1", port));
				}

			};
		}

	}

}
