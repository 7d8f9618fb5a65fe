package dev.flux.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * The claim rules of a Flux access token, checked once its signature is verified.
 * Replaces Spring Security's defaults entirely, so nothing is checked that is not listed
 * here and nothing listed is optional.
 */
final class AccessTokenValidator {

	private AccessTokenValidator() {
	}

	static OAuth2TokenValidator<Jwt> of(FluxJwtProperties properties) {
		return new DelegatingOAuth2TokenValidator<>(List.of(
				new JwtTypeValidator(FluxAccessToken.TYPE, FluxAccessToken.MEDIA_TYPE), timestamps(properties),
				new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience()),
				new JwtClaimValidator<Object>(JwtClaimNames.SUB,
						(subject) -> subject instanceof String id && !id.isBlank()),
				new JwtClaimValidator<Object>(FluxAccessToken.TOKEN_TYPE_CLAIM, FluxAccessToken.ACCESS::equals)));
	}

	/** {@code exp} required, {@code exp} and {@code nbf} checked with the clock skew. */
	static JwtTimestampValidator timestamps(FluxJwtProperties properties) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
		timestamps.setAllowEmptyExpiryClaim(false);
		return timestamps;
	}

}
