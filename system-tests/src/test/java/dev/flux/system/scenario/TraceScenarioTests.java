package dev.flux.system.scenario;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import dev.flux.system.harness.FluxSystem;
import dev.flux.system.harness.SystemTest;
import dev.flux.testsupport.Http.Reply;
import dev.flux.testsupport.OtlpReceiver.ReceivedSpan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A registration is one trace across the processes it reaches: auth-service's request and
 * its outbox append and publish of {@code user.created}, then user-service's and
 * notification-service's handling of it, all exported over OTLP to the harness's
 * collector under the trace id the client sent.
 */
@SystemTest
class TraceScenarioTests {

	private static final Duration PROPAGATION = Duration.ofSeconds(90);

	private final FluxSystem system;

	TraceScenarioTests(FluxSystem system) {
		this.system = system;
	}

	@Test
	void registrationIsOneTraceThroughUserAndNotificationService() {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

		Reply reply = this.system.http("auth-service")
			.post("/api/auth/register",
					Map.of("email", "trace." + suffix + "@example.com", "username", "t_" + suffix, "password",
							"correct horse " + suffix),
					null, "traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);

		await("spans of every service under the client's trace id").atMost(PROPAGATION)
			.untilAsserted(() -> assertThat(this.system.traces().trace(traceId))
				.extracting((span) -> span.service() + ": " + span.name())
				.contains("auth-service: outbox append user.created", "auth-service: publish user.created",
						"user-service: handle user.created", "notification-service: handle user.created"));
		assertThat(this.system.traces().trace(traceId)).extracting(ReceivedSpan::name)
			.anySatisfy((name) -> assertThat(name).startsWith("http post"));
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		ThreadLocalRandom.current().nextBytes(bytes);
		bytes[0] |= 1;
		return bytes;
	}

}
