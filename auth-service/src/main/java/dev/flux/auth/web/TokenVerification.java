package dev.flux.auth.web;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.token.SigningKeys;

/**
 * How the auth-service checks its own access tokens, from its key store rather than over
 * HTTP: ES256 only, {@code typ at+jwt}, exact issuer, the audience, {@code token_type
 * access}, 30 s of clock skew.
 */
final class TokenVerification {

	private TokenVerification() {
	}

	static JwtDecoder decoder(SigningKeys keys, AuthProperties properties) {
		JOSEObjectType accessToken = new JOSEObjectType("at+jwt");
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.verificationKeys())
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.jwtProcessorCustomizer(
					(processor) -> processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(accessToken)))
			.build();
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(List.of(new JwtTimestampValidator(Duration.ofSeconds(30)),
						new JwtIssuerValidator(properties.issuer()), new JwtTypeValidator("at+jwt"),
						new JwtClaimValidator<List<String>>("aud",
								(audience) -> audience != null && audience.contains(properties.audience())),
						new JwtClaimValidator<String>("token_type", "access"::equals))));
		return decoder;
	}

}
