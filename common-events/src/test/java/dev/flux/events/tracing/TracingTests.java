package dev.flux.events.tracing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.flux.events.sample.SampleEffects;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The correlation id and trace of an HTTP request reach the event it appends, the
 * consumer handling that event, and the event the consumer appends in turn (caused by the
 * first).
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@WithFluxInfrastructure
class TracingTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@LocalServerPort
	private int port;

	@Autowired
	private SampleEffects effects;

	@Test
	void correlationAndTraceFlowFromTheRequestThroughEventsAndTheirConsequences() throws Exception {
		UUID correlationId = UUID.randomUUID();
		String note = "chain-" + UUID.randomUUID();

		HttpResponse<String> response = post(note, Map.of(CorrelationFilter.CORRELATION_HEADER,
				correlationId.toString(), CorrelationFilter.TRACEPARENT_HEADER, TRACEPARENT));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(CorrelationFilter.CORRELATION_HEADER))
			.hasValue(correlationId.toString());
		await().atMost(Duration.ofSeconds(20)).until(() -> this.effects.timesApplied("followup-" + note) == 1);
		Map<String, Object> first = this.effects.metadataOf(note);
		Map<String, Object> followup = this.effects.metadataOf("followup-" + note);
		assertThat(first).containsEntry("correlation_id", correlationId).containsEntry("causation_id", null);
		assertThat(followup).containsEntry("correlation_id", correlationId)
			.containsEntry("causation_id", first.get("event_id"));
		assertThat(traceId(first)).as("the caller's trace, continued by each span on the way")
			.isEqualTo(traceId(followup))
			.isEqualTo(TRACEPARENT.split("-")[1]);
	}

	@Test
	void aRequestWithoutCorrelationIdGetsANewOneAndIgnoresAMalformedTraceparent() throws Exception {
		String note = "uncorrelated-" + UUID.randomUUID();

		HttpResponse<String> response = post(note, Map.of(CorrelationFilter.CORRELATION_HEADER, "not-a-uuid",
				CorrelationFilter.TRACEPARENT_HEADER, "junk"));

		String issued = response.headers().firstValue(CorrelationFilter.CORRELATION_HEADER).orElseThrow();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.effects.timesApplied(note) == 1);
		Map<String, Object> metadata = this.effects.metadataOf(note);
		assertThat(metadata).containsEntry("correlation_id", UUID.fromString(issued));
		assertThat(String.valueOf(metadata.get("traceparent"))).as("a trace of its own")
			.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
	}

	private static String traceId(Map<String, Object> metadata) {
		return String.valueOf(metadata.get("traceparent")).split("-")[1];
	}

	private HttpResponse<String> post(String note, Map<String, String> headers) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/samples"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"" + note + "\"}"));
			headers.forEach(request::header);
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
