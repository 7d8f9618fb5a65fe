package dev.flux.events.admin;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.ClassUtils;

/**
 * Bearer-token authentication of the admin API, for services that are OAuth2 resource
 * servers. Only touched once {@link #available} said yes, so services without Spring
 * Security's JOSE module never load it.
 */
final class AdminBearerTokens {

	private static final String JWT_DECODER = "org.springframework.security.oauth2.jwt.JwtDecoder";

	private AdminBearerTokens() {
	}

	/** Whether the service decodes JWT bearer tokens (it has a {@code JwtDecoder}). */
	static boolean available(ListableBeanFactory beans) {
		ClassLoader classLoader = AdminBearerTokens.class.getClassLoader();
		return ClassUtils.isPresent(JWT_DECODER, classLoader)
				&& beans.getBeanNamesForType(ClassUtils.resolveClassName(JWT_DECODER, classLoader)).length > 0;
	}

	/**
	 * Authenticates with the service's {@link JwtDecoder} (and its
	 * {@code JwtAuthenticationConverter}, if any), answering refusals with its own entry
	 * point and access-denied handler where it has exactly one.
	 */
	static void configure(HttpSecurity http, ListableBeanFactory beans) {
		http.oauth2ResourceServer((resourceServer) -> {
			resourceServer.jwt(Customizer.withDefaults());
			beans.getBeanProvider(AuthenticationEntryPoint.class).ifUnique(resourceServer::authenticationEntryPoint);
			beans.getBeanProvider(AccessDeniedHandler.class).ifUnique(resourceServer::accessDeniedHandler);
		});
	}

}
