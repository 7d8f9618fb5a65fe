package dev.flux.security;

import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Turns a validated access token into Spring Security's authentication: the principal's
 * name is {@code sub} (the user id) and each entry of {@code roles} becomes an authority
 * {@code ROLE_<role>}, so {@code hasRole("ADMIN")} reads as written.
 */
public final class FluxJwtAuthentication {

	private FluxJwtAuthentication() {
	}

	/** The converter every Flux resource server uses. */
	public static JwtAuthenticationConverter converter() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName(FluxAccessToken.ROLES_CLAIM);
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		converter.setPrincipalClaimName(JwtClaimNames.SUB);
		return converter;
	}

}
