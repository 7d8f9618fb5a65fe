package dev.flux.auth.token;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import dev.flux.security.FluxJwtDecoders;
import dev.flux.security.FluxJwtProperties;
import dev.flux.security.LowSSignatures;
import org.springframework.beans.factory.annotation.Autowired;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.AuthServiceTest;
import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Access tokens as issued, and every forged or misused token a resource server must
 * refuse (the auth-service's own {@code /api/auth/me} is the resource server here).
 */
class AccessTokenTests extends AuthServiceTest {

	@Autowired
	SigningKeys keys;

	@Autowired
	AuthProperties properties;

	@Test
	void issuesAnEs256AtJwtWithTheDocumentedClaims() throws Exception {
		Account account = register();

		SignedJWT jwt = SignedJWT.parse(account.accessToken());

		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(this.keys.signingKey().getKeyID());
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(this.properties.issuer());
		assertThat(claims.getAudience()).containsExactly("flux");
		assertThat(claims.getSubject()).isEqualTo(account.id().toString());
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(claims.getStringListClaim("roles")).containsExactly("USER");
		assertThat(claims.getStringClaim("token_type")).isEqualTo("access");
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(15 * 60 * 1000);
	}

	@Test
	void refusesForgedAndMisusedTokens() throws Exception {
		Account account = register();
		ECKey real = this.keys.signingKey();
		JWTClaimsSet valid = claims(account.id(), this.properties.issuer(), "flux", Instant.now().plusSeconds(600),
				"access");

		assertThat(status(account.accessToken())).isEqualTo(200);
		assertThat(status(sign(real, valid, "at+jwt"))).as("same claims, re-signed with the real key").isEqualTo(200);

		assertThat(status(new PlainJWT(valid).serialize())).as("alg none").isEqualTo(401);
		assertThat(status(sign(SigningKeys.generate(real.getKeyID()), valid, "at+jwt"))).as("unknown key, real kid")
			.isEqualTo(401);
		assertThat(status(sign(SigningKeys.generate("stranger"), valid, "at+jwt"))).as("unknown key").isEqualTo(401);
		assertThat(status(hmacWithPublicKey(real, valid))).as("HS256 keyed with the public key").isEqualTo(401);
		assertThat(status(sign(real,
				claims(account.id(), "https://evil.example", "flux", Instant.now().plusSeconds(600), "access"),
				"at+jwt")))
			.as("wrong issuer")
			.isEqualTo(401);
		assertThat(status(sign(real,
				claims(account.id(), this.properties.issuer(), "other-api", Instant.now().plusSeconds(600), "access"),
				"at+jwt")))
			.as("wrong audience")
			.isEqualTo(401);
		assertThat(status(sign(real,
				claims(account.id(), this.properties.issuer(), "flux", Instant.now().minusSeconds(120), "access"),
				"at+jwt")))
			.as("expired")
			.isEqualTo(401);
		assertThat(status(sign(real,
				claims(account.id(), this.properties.issuer(), "flux", Instant.now().plusSeconds(600), "refresh"),
				"at+jwt")))
			.as("token_type refresh")
			.isEqualTo(401);
		assertThat(status(sign(real, valid, "JWT"))).as("typ JWT instead of at+jwt").isEqualTo(401);
		assertThat(status(account.refreshToken())).as("a refresh token used as an access token").isEqualTo(401);
	}

	@Test
	void aResourceServerChecksIssuedTokensAgainstThePublishedJwks() throws Exception {
		Account account = register();
		JwtDecoder remote = FluxJwtDecoders.fromJwkSetUri(new FluxJwtProperties(this.properties.issuer(), "flux",
				URI.create("http://localhost:" + this.port + "/.well-known/jwks.json"), Duration.ofSeconds(30),
				Duration.ofMinutes(1)));

		assertThat(remote.decode(account.accessToken()).getSubject()).isEqualTo(account.id().toString());

		this.keys.rotate();
		String afterRotation = login(account.email(), PASSWORD).json("$.accessToken");
		assertThat(remote.decode(afterRotation).getSubject()).as("a new kid is fetched on first sight")
			.isEqualTo(account.id().toString());
		assertThat(remote.decode(account.accessToken()).getSubject()).as("the retired key still verifies")
			.isEqualTo(account.id().toString());
		String forged = sign(SigningKeys.generate("stranger"),
				claims(account.id(), this.properties.issuer(), "flux", Instant.now().plusSeconds(600), "access"),
				"at+jwt");
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> remote.decode(forged));
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> remote.decode(account.refreshToken()));
	}

	@Test
	void aRefusedTokenGetsAProblemAndABearerChallenge() {
		Http.Reply reply = this.http.get("/api/auth/me", "not.a.jwt");

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
		assertThat(reply.body()).doesNotContain("not.a.jwt");
		assertThat(this.http.get("/api/auth/me", null).header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void aRotatedOutKeyStillVerifiesItsTokensUntilTheyExpire() throws Exception {
		Account account = register();
		String oldKid = SignedJWT.parse(account.accessToken()).getHeader().getKeyID();

		String newKid = this.keys.rotate();

		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(status(account.accessToken())).isEqualTo(200);
		Http.Reply jwks = this.http.get("/.well-known/jwks.json", null);
		assertThat(jwks.<List<String>>json("$.keys[*].kid")).contains(oldKid, newKid);
		assertThat(jwks.body()).doesNotContain("\"d\"");
		Http.Reply relogin = login(account.email(), PASSWORD);
		assertThat(SignedJWT.parse(relogin.json("$.accessToken")).getHeader().getKeyID()).isEqualTo(newKid);

		this.jdbc.sql("UPDATE signing_keys SET published_until = now() - interval '1 second' WHERE kid = ?")
			.param(oldKid)
			.update();
		String newest = this.keys.rotate();
		Http.Reply later = this.http.get("/.well-known/jwks.json", null);
		assertThat(later.<List<String>>json("$.keys[*].kid")).doesNotContain(oldKid).contains(newKid, newest);
		assertThat(status(account.accessToken())).as("its key is no longer published").isEqualTo(401);
	}

	@Test
	void storesPrivateKeysEncrypted() {
		List<Map<String, Object>> rows = this.jdbc.sql("SELECT kid, private_jwk FROM signing_keys")
			.query()
			.listOfRows();

		assertThat(rows).isNotEmpty().allSatisfy((row) -> {
			String stored = new String((byte[]) row.get("private_jwk"), java.nio.charset.StandardCharsets.ISO_8859_1);
			assertThat(stored).doesNotContain("\"d\"").doesNotContain("P-256").doesNotContain((String) row.get("kid"));
		});
	}

	@Test
	void servesADiscoveryDocument() {
		Http.Reply discovery = this.http.get("/.well-known/openid-configuration", null);

		assertThat(discovery.<String>json("$.issuer")).isEqualTo(this.properties.issuer());
		assertThat(discovery.<String>json("$.jwks_uri")).isEqualTo(this.properties.issuer() + "/.well-known/jwks.json");
	}

	private int status(String token) {
		return this.http.get("/api/auth/me", token).status();
	}

	private static JWTClaimsSet claims(UUID subject, String issuer, String audience, Instant expires, String type) {
		return new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject(subject.toString())
			.issueTime(Date.from(expires.minusSeconds(900)))
			.expirationTime(Date.from(expires))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of("USER", "ADMIN"))
			.claim("token_type", type)
			.build();
	}

	private static String sign(ECKey key, JWTClaimsSet claims, String type) throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(new JOSEObjectType(type)).build(),
				claims);
		jwt.sign(LowSSignatures.signer(new ECDSASigner(key)));
		return jwt.serialize();
	}

	private static String hmacWithPublicKey(ECKey key, JWTClaimsSet claims) throws Exception {
		byte[] secret = key.toPublicJWK().toJSONString().getBytes();
		byte[] padded = java.util.Arrays.copyOf(secret, Math.max(secret.length, 64));
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID())
			.type(new JOSEObjectType("at+jwt"))
			.build(), claims);
		jwt.sign(new MACSigner(padded));
		return jwt.serialize() + Base64.getEncoder().encodeToString(new byte[0]);
	}

}
