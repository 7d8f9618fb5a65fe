package dev.flux.notification.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.flux.security.web.FluxResourceServer;

/**
 * The filter chain of everything but the admin API (common-events guards that one first):
 * {@code /api/**} needs a valid access token, load balancers and {@code ./flux status}
 * read health and info without one, the API documents are public, the WebSocket gateway
 * at {@code /ws} checks the token itself (in the handshake or in the first
 * {@code identify} message), and every other path is refused.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

	@Bean
	SecurityFilterChain apiFilterChain(HttpSecurity http, FluxResourceServer resourceServer) throws Exception {
		return resourceServer.configure(http)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/actuator/health/**", "/actuator/info", "/ws")
						.permitAll()
						.requestMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
						.permitAll()
						.requestMatchers("/api/**")
						.authenticated()
						.anyRequest()
						.denyAll())
			.build();
	}

}
