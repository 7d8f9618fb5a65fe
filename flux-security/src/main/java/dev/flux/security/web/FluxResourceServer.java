package dev.flux.security.web;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.ClassUtils;

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

	private static final String ACTUATOR = "org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType";

	private final JwtDecoder decoder;

	private final JwtAuthenticationConverter authentication;

	private final BearerTokenProblems problems;

	public FluxResourceServer(JwtDecoder decoder, JwtAuthenticationConverter authentication,
			BearerTokenProblems problems) {
		this.decoder = decoder;
		this.authentication = authentication;
		this.problems = problems;
	}

	/**
	 * The filter chain of a Flux API, everything but the admin API (common-events guards
	 * that one first): {@code /api/**} needs a valid access token, probes and load
	 * balancers read {@code /livez} and {@code /readyz} without one, the API description
	 * (OpenAPI, Swagger UI) is public, so are the given paths (a WebSocket endpoint that
	 * checks the token itself), and every other path is refused. The actuator's own port
	 * (management port) is open: it is never published, and Prometheus scrapes it.
	 * @param http the service's {@link HttpSecurity}
	 * @param publicPaths further paths anyone may call
	 */
	public SecurityFilterChain apiChain(HttpSecurity http, List<String> publicPaths) throws Exception {
		return configure(http).authorizeHttpRequests((requests) -> {
			permitManagementPort(requests);
			requests.requestMatchers("/livez", "/readyz").permitAll();
			requests.requestMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll();
			if (!publicPaths.isEmpty()) {
				requests.requestMatchers(publicPaths.toArray(String[]::new)).permitAll();
			}
			requests.requestMatchers("/api/**").authenticated().anyRequest().denyAll();
		}).build();
	}

	/**
	 * Lets every request to the actuator's own port through: when that port differs from
	 * the public one, Spring Boot's {@link EndpointRequest} matches there only. Health
	 * details still need a token with the ADMIN role ({@code show-details}).
	 */
	public static void permitManagementPort(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		if (ClassUtils.isPresent(ACTUATOR, FluxResourceServer.class.getClassLoader())) {
			requests.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
		}
	}

	/** Applies the resource-server setup to {@code http} and returns it. */
	public HttpSecurity configure(HttpSecurity http) {
		return http.oauth2ResourceServer((resourceServer) -> resourceServer
			.jwt((jwt) -> jwt.decoder(this.decoder).jwtAuthenticationConverter(this.authentication))
			.bearerTokenResolver(new HeaderBearerTokens())
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
