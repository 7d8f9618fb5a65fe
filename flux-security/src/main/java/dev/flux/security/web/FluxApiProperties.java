package dev.flux.security.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API filter chain every resource server gets ({@code flux.security.api.*}).
 *
 * @param enabled whether the service gets {@link FluxResourceServer#apiChain}; a service
 * with rules of its own (auth-service) turns it off and defines its chain
 * @param publicPaths paths anyone may call besides health, info and the API description
 * (notification-service's {@code /ws}, whose handshake checks the token itself)
 */
@ConfigurationProperties("flux.security.api")
public record FluxApiProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<String> publicPaths) {

}
