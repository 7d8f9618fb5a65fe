package dev.flux.auth.social;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a started authorization request (state, PKCE verifier, nonce, link intent) in an
 * encrypted, HttpOnly, SameSite=Lax cookie instead of a server session, so any instance
 * can finish a flow another one started, and only the browser that started it can finish
 * it (the {@code state} in the callback must match the one sealed in the cookie). AES-GCM
 * under a key derived from the key-encryption key: the browser can neither read nor alter
 * it. The cookie is scoped to the callback path, expires with the flow, and is cleared
 * when the callback consumes it.
 */
final class AuthorizationRequestCookie implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	static final String NAME = "flux_oauth2_flow";

	/**
	 * The request attribute under which the consumed authorization request stays
	 * available to the success handler (for its link intent).
	 */
	static final String CONSUMED = AuthorizationRequestCookie.class.getName() + ".consumed";

	private static final String PATH = "/login/oauth2/";

	private static final int NONCE_BYTES = 12;

	private static final SecureRandom random = new SecureRandom();

	private final SecretKey key;

	private final Duration ttl;

	private final JsonMapper mapper;

	private final Clock clock;

	AuthorizationRequestCookie(String base64KeyEncryptionKey, Duration ttl, JsonMapper mapper, Clock clock) {
		this.key = derive(base64KeyEncryptionKey);
		this.ttl = ttl;
		this.mapper = mapper;
		this.clock = clock;
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
		Sealed sealed = read(request);
		if (sealed == null) {
			return null;
		}
		String state = request.getParameter(OAuth2ParameterNames.STATE);
		return (state != null && state.equals(sealed.state())) ? sealed.toRequest() : null;
	}

	@Override
	public void saveAuthorizationRequest(@Nullable OAuth2AuthorizationRequest authorizationRequest,
			HttpServletRequest request, HttpServletResponse response) {
		if (authorizationRequest == null) {
			clear(request, response);
			return;
		}
		Sealed sealed = Sealed.of(authorizationRequest, this.clock.instant().plus(this.ttl));
		String value = seal(this.mapper.writeValueAsString(sealed));
		response.addHeader("Set-Cookie", cookie(request, value, this.ttl).toString());
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
			HttpServletResponse response) {
		OAuth2AuthorizationRequest loaded = loadAuthorizationRequest(request);
		clear(request, response);
		if (loaded != null) {
			request.setAttribute(CONSUMED, loaded);
		}
		return loaded;
	}

	private void clear(HttpServletRequest request, HttpServletResponse response) {
		if (request.getCookies() != null) {
			response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO).toString());
		}
	}

	private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
		return ResponseCookie.from(NAME, value)
			.path(PATH)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.maxAge(maxAge)
			.build();
	}

	private @Nullable Sealed read(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
				String json = open(cookie.getValue());
				if (json == null) {
					return null;
				}
				try {
					Sealed sealed = this.mapper.readValue(json, Sealed.class);
					return this.clock.instant().isBefore(sealed.expiresAt()) ? sealed : null;
				}
				catch (JacksonException ex) {
					return null;
				}
			}
		}
		return null;
	}

	private String seal(String plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(NAME.getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] value = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not seal the authorization request", ex);
		}
	}

	private @Nullable String open(String value) {
		try {
			ByteBuffer buffer = ByteBuffer.wrap(Base64.getUrlDecoder().decode(value));
			if (buffer.remaining() <= NONCE_BYTES) {
				return null;
			}
			byte[] nonce = new byte[NONCE_BYTES];
			buffer.get(nonce);
			byte[] sealed = new byte[buffer.remaining()];
			buffer.get(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(NAME.getBytes(StandardCharsets.US_ASCII));
			return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			return null;
		}
	}

	/**
	 * A key of its own for this cookie, HMAC-SHA256 of a label under the key-encryption
	 * key, so the signing keys' key is never used for two purposes.
	 */
	private static SecretKey derive(String base64KeyEncryptionKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64KeyEncryptionKey.trim()), "HmacSHA256"));
			byte[] derived = mac.doFinal(
					"flux auth-service oauth2 authorization request cookie v1".getBytes(StandardCharsets.US_ASCII));
			return new SecretKeySpec(derived, "AES");
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("flux.auth.keys.encryption-key is not a base64 key", ex);
		}
	}

	/** What the cookie holds: the authorization request, field by field. */
	record Sealed(String authorizationUri, String clientId, String redirectUri, Set<String> scopes, String state,
			Map<String, String> additionalParameters, Map<String, String> attributes, String authorizationRequestUri,
			Instant expiresAt) {

		static Sealed of(OAuth2AuthorizationRequest request, Instant expiresAt) {
			return new Sealed(request.getAuthorizationUri(), request.getClientId(),
					String.valueOf(request.getRedirectUri()), request.getScopes(), String.valueOf(request.getState()),
					strings(request.getAdditionalParameters()), strings(request.getAttributes()),
					request.getAuthorizationRequestUri(), expiresAt);
		}

		OAuth2AuthorizationRequest toRequest() {
			return OAuth2AuthorizationRequest.authorizationCode()
				.authorizationUri(this.authorizationUri)
				.clientId(this.clientId)
				.redirectUri(this.redirectUri)
				.scopes(this.scopes)
				.state(this.state)
				.additionalParameters(new LinkedHashMap<>(this.additionalParameters))
				.attributes(new LinkedHashMap<>(this.attributes))
				.authorizationRequestUri(this.authorizationRequestUri)
				.build();
		}

		private static Map<String, String> strings(Map<String, Object> values) {
			Map<String, String> strings = new LinkedHashMap<>();
			values.forEach((name, value) -> strings.put(name, String.valueOf(value)));
			return strings;
		}

	}

}
