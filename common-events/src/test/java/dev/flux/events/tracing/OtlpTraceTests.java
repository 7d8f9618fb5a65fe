package dev.flux.events.tracing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.flux.events.sample.SampleEffects;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.testsupport.OtlpReceiver;
import dev.flux.testsupport.OtlpReceiver.ReceivedSpan;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With Micrometer Tracing's OpenTelemetry bridge and an OTLP endpoint, a request that
 * causes events is one trace, exported to a collector in this process: the HTTP span, the
 * outbox append, the relay's publish and the consumer's handling, then the event the
 * handler appends and its publish and handling; every log line of the handling names the
 * trace. Real PostgreSQL and RabbitMQ, one service (the sample) as producer and consumer.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0",
				"logging.level.dev.flux.events.consumer.EventConsumer=debug" })
@WithFluxInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class OtlpTraceTests {

	private static final OtlpReceiver COLLECTOR = OtlpReceiver.start();

	@LocalServerPort
	private int port;

	@Autowired
	private SampleEffects effects;

	@DynamicPropertySource
	static void exportToTheCollector(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint", COLLECTOR::tracesEndpoint);
	}

	@AfterAll
	static void stopCollector() {
		COLLECTOR.close();
	}

	@Test
	void aRequestAndTheEventsItCausesAreOneTrace(CapturedOutput output) throws Exception {
		String note = "chain-" + UUID.randomUUID();

		assertThat(post(note).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.effects.timesApplied("followup-" + note) == 1);
		String traceId = ((String) this.effects.metadataOf("followup-" + note).get("traceparent")).split("-")[1];

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(COLLECTOR.trace(traceId)).extracting(ReceivedSpan::name)
				.contains("http post /samples", "outbox append sample.happened", "publish sample.happened",
						"handle sample.happened")
				.filteredOn((name) -> name.startsWith("handle "))
				.hasSize(2));
		List<ReceivedSpan> trace = COLLECTOR.trace(traceId);
		Map<String, ReceivedSpan> byId = trace.stream()
			.collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity()));
		for (ReceivedSpan handling : trace.stream().filter((span) -> span.name().startsWith("handle ")).toList()) {
			ReceivedSpan publish = byId.get(handling.parentSpanId());
			assertThat(publish.name()).isEqualTo("publish sample.happened");
			assertThat(byId.get(publish.parentSpanId()).name()).isEqualTo("outbox append sample.happened");
		}
		assertThat(trace).extracting(ReceivedSpan::service).containsOnly("sample-service");
		assertThat(output.getOut().lines().filter((line) -> line.contains("Handled sample.happened")).toList())
			.hasSizeGreaterThanOrEqualTo(2)
			.anySatisfy((line) -> assertThat(line).contains(traceId));
	}

	@Test
	void aCallersUnsampledTraceStaysUnsampledThroughTheEventsAndIsNotExported(CapturedOutput output) throws Exception {
		String note = "chain-unsampled-" + UUID.randomUUID();
		String traceId = UUID.randomUUID().toString().replace("-", "");

		assertThat(post(note, "00-" + traceId + "-00f067aa0ba902b7-00").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.effects.timesApplied("followup-" + note) == 1);

		for (String handled : List.of(note, "followup-" + note)) {
			assertThat((String) this.effects.metadataOf(handled).get("traceparent"))
				.as("the caller's trace, still not sampled")
				.startsWith("00-" + traceId + "-")
				.endsWith("-00");
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains("Handled sample.happened")))
			.as("the handling's logs still name the trace")
			.anySatisfy((line) -> assertThat(line).contains(traceId));
		// Spans are exported within a second of their end: none comes of this trace.
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> COLLECTOR.trace(traceId).isEmpty());
	}

	private HttpResponse<String> post(String note) throws Exception {
		return post(note, null);
	}

	private HttpResponse<String> post(String note, @Nullable String traceparent) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/samples"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"" + note + "\"}"));
			if (traceparent != null) {
				request.header(CorrelationFilter.TRACEPARENT_HEADER, traceparent);
			}
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
