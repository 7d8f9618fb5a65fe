package dev.flux.testsupport;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * Mints access tokens in auth-service's format (ES256, {@code typ: at+jwt}, {@code iss},
 * {@code aud: flux}, {@code sub}, {@code exp}, {@code iat}, {@code jti}, {@code roles},
 * {@code token_type: access}) with an EC P-256 key of its own; {@link #token()} bends any
 * part of one for tests of what a resource server refuses.
 */
public final class TestTokens {

	/** The audience auth-service puts in access tokens unless configured otherwise. */
	public static final String AUDIENCE = "flux";

	private static final BigInteger P256_ORDER = new BigInteger(
			"FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

	/** How long a token is valid unless changed. */
	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private final ECKey key;

	private final String issuer;

	private TestTokens(ECKey key, String issuer) {
		this.key = key;
		this.issuer = issuer;
	}

	/** Tokens of {@code issuer}, signed by a new P-256 key with a random key id. */
	public static TestTokens generate(String issuer) {
		try {
			return new TestTokens(new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate(),
					issuer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate a P-256 key", ex);
		}
	}

	/** The {@code iss} of the tokens. */
	public String issuer() {
		return this.issuer;
	}

	/** The key id ({@code kid}) the tokens name. */
	public String keyId() {
		return this.key.getKeyID();
	}

	/** The public half of the signing key, as a JWK Set publishes it. */
	public ECKey publicKey() {
		return this.key.toPublicJWK();
	}

	/** A valid access token of {@code userId} with the given roles, for five minutes. */
	public String accessToken(UUID userId, String... roles) {
		return token().subject(userId.toString()).roles(roles).sign();
	}

	/**
	 * A valid access token of a random user with the USER role, to change before signing.
	 */
	public Token token() {
		return new Token();
	}

	/** One token being made: a valid access token until changed. */
	public final class Token {

		private final Map<String, @Nullable Object> claims = new LinkedHashMap<>();

		private @Nullable String type = "at+jwt";

		private @Nullable String keyId = TestTokens.this.key.getKeyID();

		private Token() {
			Instant now = Instant.now();
			this.claims.put("iss", TestTokens.this.issuer);
			this.claims.put("aud", AUDIENCE);
			this.claims.put("sub", UUID.randomUUID().toString());
			this.claims.put("iat", now);
			this.claims.put("exp", now.plus(LIFETIME));
			this.claims.put("jti", UUID.randomUUID().toString());
			this.claims.put("roles", List.of("USER"));
			this.claims.put("token_type", "access");
		}

		public Token subject(String subject) {
			return claim("sub", subject);
		}

		public Token roles(String... roles) {
			return claim("roles", List.of(roles));
		}

		public Token issuer(String issuer) {
			return claim("iss", issuer);
		}

		/** One audience is written as a string, several as an array. */
		public Token audience(String... audiences) {
			return claim("aud", (audiences.length == 1) ? audiences[0] : List.of(audiences));
		}

		/**
		 * Sets {@code exp}; an {@code iat} not before it moves to five minutes before, as
		 * auth-service would have issued the token.
		 */
		public Token expiresAt(Instant expiresAt) {
			if (this.claims.get("iat") instanceof Instant issuedAt && !issuedAt.isBefore(expiresAt)) {
				issuedAt(expiresAt.minus(LIFETIME));
			}
			return claim("exp", expiresAt);
		}

		public Token issuedAt(Instant issuedAt) {
			return claim("iat", issuedAt);
		}

		public Token notBefore(Instant notBefore) {
			return claim("nbf", notBefore);
		}

		public Token tokenType(@Nullable String tokenType) {
			return claim("token_type", tokenType);
		}

		/** The {@code typ} header; {@code null} leaves it out. */
		public Token type(@Nullable String type) {
			this.type = type;
			return this;
		}

		/** The {@code kid} header; {@code null} leaves it out. */
		public Token keyId(@Nullable String keyId) {
			this.keyId = keyId;
			return this;
		}

		/**
		 * Sets a claim ({@link Instant}s become NumericDates); {@code null} removes it.
		 */
		public Token claim(String name, @Nullable Object value) {
			if (value == null) {
				this.claims.remove(name);
			}
			else {
				this.claims.put(name, value);
			}
			return this;
		}

		/** Signed with ES256 by the key of these tokens, as auth-service does. */
		public String sign() {
			try {
				// flux-security accepts only low-s signatures (s <= n/2); the nonce is
				// random,
				// so signing again gives the low form on average every second try.
				ECDSASigner signer = new ECDSASigner(TestTokens.this.key);
				String token = sign(JWSAlgorithm.ES256, signer);
				while (!lowS(token)) {
					token = sign(JWSAlgorithm.ES256, signer);
				}
				return token;
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static boolean lowS(String token) {
			byte[] signature = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
			return new BigInteger(1, signature, 32, 32).compareTo(P256_ORDER.shiftRight(1)) <= 0;
		}

		/** Signed with another algorithm or key, for tests of what must be refused. */
		public String sign(JWSAlgorithm algorithm, JWSSigner signer) {
			JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(this.keyId);
			if (this.type != null) {
				header.type(new JOSEObjectType(this.type));
			}
			SignedJWT jwt = new SignedJWT(header.build(), claims());
			try {
				jwt.sign(signer);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
			return jwt.serialize();
		}

		/** Not signed at all: {@code alg: none}. */
		public String unsigned() {
			return new PlainJWT(claims()).serialize();
		}

		private JWTClaimsSet claims() {
			JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
			this.claims.forEach((name, value) -> builder.claim(name,
					(value instanceof Instant instant) ? Date.from(instant) : value));
			return builder.build();
		}

	}

}
