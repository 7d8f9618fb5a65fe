package dev.flux.auth.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import dev.flux.auth.token.SigningKeys;
import dev.flux.security.FluxJwtDecoders;
import dev.flux.security.FluxJwtProperties;
import dev.flux.security.web.FluxResourceServer;

/**
 * Who may call what: the sign-up, sign-in and recovery endpoints, the social-login
 * providers and code exchange, the keys, the API docs and the probes are public, so is
 * the actuator's own port (never published); everything else under {@code /api/auth}
 * needs an access token, checked with flux-security's rules against the local key store.
 * Stateless, no CSRF (no cookies), refusals as problem details. The browser side of
 * social login has a chain of its own (dev.flux.auth.social).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] PUBLIC_POSTS = { "/api/auth/register", "/api/auth/login", "/api/auth/refresh",
			"/api/auth/logout", "/api/auth/verify-email", "/api/auth/password/forgot", "/api/auth/password/reset",
			"/api/auth/email/takeback", "/api/auth/oauth2/token" };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, FluxResourceServer resourceServer) throws Exception {
		return resourceServer.configure(http).authorizeHttpRequests((requests) -> {
			FluxResourceServer.permitManagementPort(requests);
			requests.requestMatchers(HttpMethod.POST, PUBLIC_POSTS)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/auth/providers", "/.well-known/**", "/v3/api-docs/**",
						"/swagger-ui/**", "/swagger-ui.html", "/livez", "/readyz")
				.permitAll()
				.requestMatchers("/api/auth/**")
				.authenticated()
				.anyRequest()
				.denyAll();
		}).build();
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, FluxJwtProperties properties) {
		return FluxJwtDecoders.fromJwkSource(keys.verificationKeys(), properties);
	}

}
