package dev.flux.security;

import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.flux.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** The authentication a validated access token becomes: the user id and its roles. */
class FluxJwtAuthenticationTests {

	private final TestTokens tokens = TestTokens.generate("http://localhost:8081");

	@Test
	void namesThePrincipalByTheUserId() {
		UUID userId = UUID.randomUUID();

		assertThat(authenticate(this.tokens.accessToken(userId, "USER")).getName()).isEqualTo(userId.toString());
	}

	@Test
	void turnsEachRoleIntoARoleAuthority() {
		assertThat(authorities(this.tokens.accessToken(UUID.randomUUID(), "USER"))).containsExactly("ROLE_USER");
		assertThat(authorities(this.tokens.accessToken(UUID.randomUUID(), "USER", "ADMIN")))
			.containsExactly("ROLE_USER", "ROLE_ADMIN");
	}

	@Test
	void grantsNoAuthorityWithoutRoles() {
		assertThat(authorities(this.tokens.token().claim("roles", null).sign())).isEmpty();
		assertThat(authorities(this.tokens.token().roles().sign())).isEmpty();
	}

	private AbstractAuthenticationToken authenticate(String token) {
		return FluxJwtAuthentication.converter().convert(decode(token));
	}

	/**
	 * The role authorities; Spring Security 7 adds {@code FACTOR_BEARER} beside them, for
	 * how the user authenticated.
	 */
	private List<String> authorities(String token) {
		return authenticate(token).getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.toList();
	}

	private Jwt decode(String token) {
		return FluxJwtDecoders
			.fromJwkSource(new ImmutableJWKSet<>(new JWKSet(this.tokens.publicKey())),
					FluxJwtProperties.forIssuer("http://localhost:8081"))
			.decode(token);
	}

}
