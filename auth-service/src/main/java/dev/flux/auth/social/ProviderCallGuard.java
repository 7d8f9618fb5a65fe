package dev.flux.auth.social;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Guards every call to a provider (token, user-info and key-set endpoints) with
 * Resilience4j: a time limit on the whole exchange and a circuit breaker per provider
 * host, so a slow or failing provider costs a sign-in a few seconds at most, and then
 * nothing at all until it recovers. A refused or timed-out call surfaces as
 * {@link ProviderUnavailableException}; 5xx answers count as failures.
 */
final class ProviderCallGuard implements ClientHttpRequestInterceptor, AutoCloseable, MeterBinder {

	private final CircuitBreakerRegistry breakers;

	private final TimeLimiter limiter;

	private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

	ProviderCallGuard(SocialProperties.Calls settings) {
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRate())
			.slidingWindowSize(settings.window())
			.minimumNumberOfCalls(Math.max(1, settings.window() / 2))
			.waitDurationInOpenState(settings.openFor())
			.recordResult(ProviderCallGuard::serverError)
			.build());
		this.limiter = TimeLimiter
			.of(TimeLimiterConfig.custom().timeoutDuration(settings.timeout()).cancelRunningFuture(true).build());
	}

	/** One breaker per provider host as meters, from its first call on. */
	@Override
	public void bindTo(MeterRegistry registry) {
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.breakers).bindTo(registry);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String host = host(request.getURI());
		CircuitBreaker breaker = this.breakers.circuitBreaker(host);
		try {
			return breaker.executeCallable(() -> this.limiter
				.executeFutureSupplier(() -> this.calls.submit(() -> execution.execute(request, body))));
		}
		catch (CallNotPermittedException ex) {
			throw new ProviderUnavailableException(host + " is failing; calls are suspended for a while", ex);
		}
		catch (TimeoutException ex) {
			throw new ProviderUnavailableException(host + " did not answer in time", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			throw new ProviderUnavailableException(host + " call failed", (cause != null) ? cause : ex);
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ProviderUnavailableException(host + " call failed", ex);
		}
	}

	/** The state of a host's circuit, for tests and diagnostics. */
	CircuitBreaker.State state(URI uri) {
		return this.breakers.circuitBreaker(host(uri)).getState();
	}

	private static String host(URI uri) {
		return (uri.getPort() != -1) ? uri.getHost() + ":" + uri.getPort() : String.valueOf(uri.getHost());
	}

	private static boolean serverError(Object result) {
		try {
			return result instanceof ClientHttpResponse response && response.getStatusCode().is5xxServerError();
		}
		catch (IOException ex) {
			return true;
		}
	}

	@Override
	public void close() {
		this.calls.shutdownNow();
	}

	/** A provider that cannot be reached, is too slow, or whose circuit is open. */
	static final class ProviderUnavailableException extends IOException {

		ProviderUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
