package dev.flux.auth.web;

import java.util.Collection;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.token.SigningKeys;

/**
 * Who may call what: the sign-up, sign-in and recovery endpoints, the keys, the API docs
 * and health are public; everything else under {@code /api/auth} needs an access token.
 * Stateless, no CSRF (no cookies), errors as problem details.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] PUBLIC_POSTS = { "/api/auth/register", "/api/auth/login", "/api/auth/refresh",
			"/api/auth/logout", "/api/auth/verify-email", "/api/auth/password/forgot", "/api/auth/password/reset" };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, ProblemAuthenticationHandlers problems)
			throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, PUBLIC_POSTS)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/.well-known/**", "/v3/api-docs/**", "/swagger-ui/**",
						"/swagger-ui.html", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/api/auth/**")
				.authenticated()
				.requestMatchers("/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.denyAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(authenticationConverter()))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, AuthProperties properties) {
		return TokenVerification.decoder(keys, properties);
	}

	@Bean
	ProblemAuthenticationHandlers problemAuthenticationHandlers(JsonMapper mapper) {
		return new ProblemAuthenticationHandlers(mapper);
	}

	static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::roles);
		return converter;
	}

	private static Collection<GrantedAuthority> roles(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList("roles");
		if (roles == null) {
			return List.of();
		}
		return roles.stream().<GrantedAuthority>map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
	}

}
