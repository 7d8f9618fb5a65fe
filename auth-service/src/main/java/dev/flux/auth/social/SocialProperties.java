package dev.flux.auth.social;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Social login settings ({@code flux.auth.social.*}).
 *
 * @param frontEndUrl where the browser lands after a provider flow, with {@code code} or
 * {@code error} in the query
 * @param codeTtl how long a one-time code or link ticket works
 * @param flowTtl how long a started provider flow may take (the authorization-request
 * cookie's life)
 * @param google Google (OpenID Connect)
 * @param facebook Facebook (OAuth2 and its Graph API)
 * @param calls the guard around calls to providers
 */
@ConfigurationProperties("flux.auth.social")
record SocialProperties(@DefaultValue("http://localhost:3000/auth/social") URI frontEndUrl,
		@DefaultValue("2m") Duration codeTtl, @DefaultValue("10m") Duration flowTtl, @DefaultValue Provider google,
		@DefaultValue Provider facebook, @DefaultValue Calls calls) {

	/**
	 * One provider's client credentials; the provider is offered only when both are set.
	 * The endpoint overrides are for tests and proxies; unset, the provider's public
	 * endpoints are used.
	 */
	record Provider(@Nullable String clientId, @Nullable String clientSecret, @Nullable String authorizationUri,
			@Nullable String tokenUri, @Nullable String userInfoUri, @Nullable String jwkSetUri,
			@Nullable String issuerUri) {

		boolean enabled() {
			return this.clientId != null && !this.clientId.isBlank() && this.clientSecret != null
					&& !this.clientSecret.isBlank();
		}

	}

	/**
	 * The Resilience4j guard around each provider host.
	 *
	 * @param timeout the longest a call (connect, send, answer) may take
	 * @param failureRate percentage of failed or timed-out calls that opens the circuit
	 * @param window calls over which the failure rate is measured
	 * @param openFor how long an open circuit refuses calls before letting a few through
	 */
	record Calls(@DefaultValue("5s") Duration timeout, @DefaultValue("50") float failureRate,
			@DefaultValue("10") int window, @DefaultValue("30s") Duration openFor) {
	}

}
