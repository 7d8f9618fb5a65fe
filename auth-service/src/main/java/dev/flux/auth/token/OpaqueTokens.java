package dev.flux.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque secrets handed to clients (refresh, verification and reset tokens): 256 random
 * bits from a CSPRNG, base64url without padding. Only their SHA-256 is stored; a fast
 * hash is right here because the value has full entropy, unlike a password.
 */
public final class OpaqueTokens {

	private static final SecureRandom random = new SecureRandom();

	private OpaqueTokens() {
	}

	/** A new token of 32 random bytes (43 characters). */
	public static String generate() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The SHA-256 of a token, the only form in which it is stored. */
	public static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
