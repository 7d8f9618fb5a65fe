package dev.flux.console;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the console finds the services ({@code flux.console.*}).
 *
 * @param services each service's base URL by short name: {@code auth}, {@code user}, ...
 * @param timeout how long a proxied call (not a stream) may take
 */
@ConfigurationProperties("flux.console")
record ConsoleProperties(Map<String, URI> services, @DefaultValue("20s") Duration timeout) {
}
