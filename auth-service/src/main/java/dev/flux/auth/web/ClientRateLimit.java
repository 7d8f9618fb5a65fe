package dev.flux.auth.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.flux.auth.AuthProperties;
import dev.flux.web.ApiProblem;
import dev.flux.web.ProblemResponses;

/**
 * Limits each client address on the endpoints that take credentials or tokens without an
 * access token (register, login, refresh, verify, forgot, reset, social code exchange): a
 * token bucket per address (Bucket4j), kept in a bounded map that forgets idle clients.
 * Over the limit: 429 with {@code Retry-After}. The buckets are per instance; the
 * per-account throttle is the limit shared by all instances.
 */
class ClientRateLimit extends OncePerRequestFilter {

	static final Set<String> LIMITED = Set.of("/api/auth/register", "/api/auth/login", "/api/auth/refresh",
			"/api/auth/verify-email", "/api/auth/password/forgot", "/api/auth/password/reset",
			"/api/auth/oauth2/token");

	private final Cache<String, Bucket> buckets;

	private final AuthProperties.RateLimit limit;

	ClientRateLimit(AuthProperties.RateLimit limit) {
		this.limit = limit;
		this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && LIMITED.contains(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket bucket = this.buckets.get(Clients.of(request).ip(), (client) -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		ProblemResponses.write(request, response,
				ApiProblem
					.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
							"Too many requests from this client; wait before trying again.")
					.retryAfter(Duration.ofNanos(probe.getNanosToWaitForRefill())));
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.limit.capacity())
				.refillGreedy(this.limit.perMinute(), Duration.ofMinutes(1))
				.build())
			.build();
	}

}
