package dev.flux.security.web;

import jakarta.servlet.DispatcherType;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * Makes a filter chain authenticate Flux access tokens: a stateless JWT resource server
 * without CSRF protection (nothing rides on cookies) whose refusals are
 * {@link BearerTokenProblems}, and whose error dispatches pass (so a 404 under a valid
 * token stays a 404). Which requests need which role stays with each service:
 * <pre class="code">
 * return resourceServer.configure(http)
 *     .authorizeHttpRequests((requests) -&gt; requests.requestMatchers("/api/**").authenticated()
 *         .anyRequest().denyAll())
 *     .build();
 * </pre>
 */
public final class FluxResourceServer {

	private final JwtDecoder decoder;

	private final JwtAuthenticationConverter authentication;

	private final BearerTokenProblems problems;

	public FluxResourceServer(JwtDecoder decoder, JwtAuthenticationConverter authentication,
			BearerTokenProblems problems) {
		this.decoder = decoder;
		this.authentication = authentication;
		this.problems = problems;
	}

	/** Applies the resource-server setup to {@code http} and returns it. */
	public HttpSecurity configure(HttpSecurity http) {
		return http.oauth2ResourceServer((resourceServer) -> resourceServer
			.jwt((jwt) -> jwt.decoder(this.decoder).jwtAuthenticationConverter(this.authentication))
			.authenticationEntryPoint(this.problems)
			.accessDeniedHandler(this.problems)
			.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {

				@Override
				public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(FluxResourceServer.this.problems);
					return filter;
				}

			}))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this.problems)
				.accessDeniedHandler(this.problems))
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
	}

}
