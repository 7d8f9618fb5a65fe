package dev.flux.auth.social;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The guard around provider calls, against a provider that hangs: a call gives up at the
 * time limit, and after enough failures the circuit opens and calls fail at once without
 * reaching the provider; the browser is then told {@code provider_unavailable}.
 */
class ProviderCallGuardTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger received = new AtomicInteger();

	private HttpServer provider;

	private ProviderCallGuard guard;

	private RestTemplate rest;

	@BeforeEach
	void hangingProvider() throws IOException {
		this.provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.provider.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
		this.provider.createContext("/token", (exchange) -> {
			this.received.incrementAndGet();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		this.provider.start();
		this.guard = new ProviderCallGuard(
				new SocialProperties.Calls(Duration.ofMillis(300), 50, 4, Duration.ofMinutes(1)));
		this.rest = new RestTemplate(new JdkClientHttpRequestFactory());
		this.rest.getInterceptors().add(this.guard);
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.provider.stop(0);
		this.guard.close();
	}

	@Test
	void givesUpOnASlowProviderAndThenStopsCallingIt() {
		URI token = URI.create("http://127.0.0.1:" + this.provider.getAddress().getPort() + "/token");

		for (int call = 0; call < 2; call++) {
			long started = System.nanoTime();
			assertThatExceptionOfType(ResourceAccessException.class)
				.isThrownBy(() -> this.rest.getForObject(token, String.class))
				.withRootCauseInstanceOf(java.util.concurrent.TimeoutException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		}
		assertThat(this.guard.state(token)).isEqualTo(CircuitBreaker.State.OPEN);

		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> this.rest.getForObject(token, String.class))
			.withCauseInstanceOf(ProviderCallGuard.ProviderUnavailableException.class);
		assertThat(this.received).as("an open circuit does not call the provider").hasValue(2);
	}

	@Test
	void tellsTheBrowserTheProviderIsUnavailableWhateverSpringWrappedItIn() {
		OAuth2AuthenticationException wrapped = new OAuth2AuthenticationException(
				new OAuth2Error("invalid_token_response"), "token request failed",
				new ResourceAccessException("I/O error", new ProviderCallGuard.ProviderUnavailableException("slow",
						new java.util.concurrent.TimeoutException())));

		assertThat(SocialLoginRedirects.errorCode(wrapped)).isEqualTo("provider_unavailable");
		assertThat(SocialLoginRedirects.errorCode(new OAuth2AuthenticationException("invalid_nonce")))
			.isEqualTo("invalid_nonce");
		assertThat(SocialLoginRedirects.errorCode(new OAuth2AuthenticationException("authorization_request_not_found")))
			.isEqualTo("invalid_state");
	}

}
