package dev.flux.events.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.contract.SchemaViolationException;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An event its own schema refuses is a bug of the service that appends it: the append
 * fails, the whole change rolls back, the log names the event type, and an HTTP caller
 * gets a 500 in the problem-details shape, never a bare error page.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@WithFluxInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class SchemaViolationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Outbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void rollsTheWholeChangeBackAndLogsTheEventType(CapturedOutput output) {
		String note = "half-done-" + UUID.randomUUID();

		assertThatExceptionOfType(SchemaViolationException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
				this.outbox.append(UUID.randomUUID().toString(), 1, new SampleHappened(UUID.randomUUID(), note));
				this.outbox.append(UUID.randomUUID().toString(), 1, new SampleHappened(UUID.randomUUID(), null));
			}));

		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM flux_events.outbox_events WHERE envelope::text LIKE ?",
						Integer.class, "%" + note + "%"))
			.as("the valid event appended before the refused one")
			.isZero();
		assertThat(output).contains("sample.happened v1").contains("breaks its JSON Schema");
	}

	@Test
	void answersAnHttpCallerWithAProblemNotABareError() throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/samples"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{}"))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(500);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).contains("https://flux.dev/problems/internal-error")
				.contains("nothing was changed");
		}
	}

}
