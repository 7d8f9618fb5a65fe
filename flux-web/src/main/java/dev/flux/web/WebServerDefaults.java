package dev.flux.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Web server settings every Flux service shares, as defaults a service's own
 * configuration overrides.
 *
 * <p>
 * Request headers up to 32 KB: the 8 KB default refuses real clients (a signed token and
 * a few cookies), and Tomcat refuses an oversized header by closing the connection, which
 * a client still sending its body sees as a reset, not an answer. Within the limit, Flux
 * answers a bad token itself with its 401 problem.
 */
final class WebServerDefaults implements EnvironmentPostProcessor {

	static final String MAX_REQUEST_HEADER_SIZE = "32KB";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("fluxWebServerDefaults",
					Map.of("server.max-http-request-header-size", MAX_REQUEST_HEADER_SIZE)));
	}

}
