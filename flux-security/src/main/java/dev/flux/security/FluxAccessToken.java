package dev.flux.security;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * The format of a Flux access token, shared by the issuer (auth-service) and every
 * resource server: an {@code at+jwt} (RFC 9068) signed with ES256 whose claims are
 * {@code iss}, {@code aud}, {@code sub} (the user id), {@code exp}, {@code iat},
 * {@code jti}, {@code roles} and {@code token_type = "access"}.
 */
public final class FluxAccessToken {

	/** The only signature algorithm accepted: ECDSA with P-256 and SHA-256. */
	public static final SignatureAlgorithm ALGORITHM = SignatureAlgorithm.ES256;

	/** The {@code typ} header of an access token (RFC 9068, section 2.1). */
	public static final String TYPE = "at+jwt";

	/**
	 * The same type as a full media type, which RFC 9068 asks resource servers to accept.
	 */
	public static final String MEDIA_TYPE = "application/at+jwt";

	/** The claim listing the user's roles without prefix: {@code ["USER", "ADMIN"]}. */
	public static final String ROLES_CLAIM = "roles";

	/** The claim telling an access token from any other token auth-service signs. */
	public static final String TOKEN_TYPE_CLAIM = "token_type";

	/** The value of {@link #TOKEN_TYPE_CLAIM} in an access token. */
	public static final String ACCESS = "access";

	/** The audience of Flux's own APIs, unless configured otherwise. */
	public static final String DEFAULT_AUDIENCE = "flux";

	/** Where the issuer publishes its public keys, relative to the issuer URL. */
	public static final String JWKS_PATH = "/.well-known/jwks.json";

	private FluxAccessToken() {
	}

}
