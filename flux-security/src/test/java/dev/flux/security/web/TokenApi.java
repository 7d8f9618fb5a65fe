package dev.flux.security.web;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application with nothing but a token-guarded API, as a Flux service sets it up:
 * {@code /api/**} for any user, {@code /api/admin/**} for admins, nothing else.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration" })
@Import(TokenApi.WhoAmI.class)
class TokenApi {

	@Bean
	SecurityFilterChain api(HttpSecurity http, FluxResourceServer resourceServer) throws Exception {
		return resourceServer.configure(http)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.denyAll())
			.build();
	}

	@RestController
	static class WhoAmI {

		@GetMapping("/api/me")
		Map<String, Object> me(Authentication authentication) {
			List<String> authorities = authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.toList();
			return Map.of("name", authentication.getName(), "authorities", authorities);
		}

		@GetMapping("/api/admin/ping")
		String ping() {
			return "pong";
		}

	}

}
