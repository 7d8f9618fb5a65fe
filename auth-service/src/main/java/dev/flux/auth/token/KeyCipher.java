package dev.flux.auth.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private signing keys at rest with AES-256-GCM under the configured
 * key-encryption key: a random 96-bit nonce, then ciphertext and tag. The key id is bound
 * as associated data, so a ciphertext cannot be moved to another row.
 */
final class KeyCipher {

	private static final int NONCE_BYTES = 12;

	private static final SecureRandom random = new SecureRandom();

	private final SecretKey key;

	KeyCipher(String base64Key) {
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("flux.auth.keys.encryption-key is not base64", ex);
		}
		if (raw.length != 32) {
			throw new IllegalStateException(
					"flux.auth.keys.encryption-key must be 32 bytes (base64 of 256 bits), got " + raw.length);
		}
		this.key = new SecretKeySpec(raw, "AES");
	}

	byte[] encrypt(String plaintext, String kid) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, kid);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt signing key " + kid, ex);
		}
	}

	String decrypt(byte[] stored, String kid) {
		try {
			ByteBuffer buffer = ByteBuffer.wrap(stored);
			byte[] nonce = new byte[NONCE_BYTES];
			buffer.get(nonce);
			byte[] sealed = new byte[buffer.remaining()];
			buffer.get(sealed);
			return new String(cipher(Cipher.DECRYPT_MODE, nonce, kid).doFinal(sealed), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt signing key " + kid
					+ ": flux.auth.keys.encryption-key is not the key it was stored with", ex);
		}
	}

	private Cipher cipher(int mode, byte[] nonce, String kid) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(128, nonce));
		cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

}
