package dev.flux.security;

import java.math.BigInteger;
import java.security.Key;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.util.Base64URL;

/**
 * ES256 signatures in their low-s form only. An ECDSA signature {@code (r, s)} verifies
 * as well as {@code (r, n - s)}, so every token has a second valid string; Flux signs
 * with {@code s <= n/2} and refuses the other form, so one token is one string (the
 * decoders remember accepted tokens by their string).
 */
public final class LowSSignatures {

	/** The order n of the P-256 group. */
	private static final BigInteger ORDER = new BigInteger(
			"FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

	private static final BigInteger HALF_ORDER = ORDER.shiftRight(1);

	private static final int HALF = 32;

	private LowSSignatures() {
	}

	/** An ES256 signer whose signatures are always in low-s form. */
	public static JWSSigner signer(JWSSigner es256) {
		return new JWSSigner() {

			@Override
			public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
				return lowS(es256.sign(header, signingInput));
			}

			@Override
			public Set<JWSAlgorithm> supportedJWSAlgorithms() {
				return es256.supportedJWSAlgorithms();
			}

			@Override
			public JCAContext getJCAContext() {
				return es256.getJCAContext();
			}

		};
	}

	/** Verifiers that refuse a high-s ES256 signature before checking it. */
	static JWSVerifierFactory verifiers() {
		DefaultJWSVerifierFactory defaults = new DefaultJWSVerifierFactory();
		return new JWSVerifierFactory() {

			@Override
			public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
				JWSVerifier verifier = defaults.createJWSVerifier(header, key);
				return new JWSVerifier() {

					@Override
					public boolean verify(JWSHeader jwsHeader, byte[] signingInput, Base64URL signature)
							throws JOSEException {
						return isLowS(signature) && verifier.verify(jwsHeader, signingInput, signature);
					}

					@Override
					public Set<JWSAlgorithm> supportedJWSAlgorithms() {
						return verifier.supportedJWSAlgorithms();
					}

					@Override
					public JCAContext getJCAContext() {
						return verifier.getJCAContext();
					}

				};
			}

			@Override
			public Set<JWSAlgorithm> supportedJWSAlgorithms() {
				return defaults.supportedJWSAlgorithms();
			}

			@Override
			public JCAContext getJCAContext() {
				return defaults.getJCAContext();
			}

		};
	}

	static boolean isLowS(Base64URL signature) {
		byte[] bytes = signature.decode();
		return bytes.length == 2 * HALF && s(bytes).compareTo(HALF_ORDER) <= 0;
	}

	static Base64URL lowS(Base64URL signature) {
		byte[] bytes = signature.decode();
		if (bytes.length != 2 * HALF || s(bytes).compareTo(HALF_ORDER) <= 0) {
			return signature;
		}
		byte[] twin = ORDER.subtract(s(bytes)).toByteArray();
		int length = Math.min(twin.length, HALF);
		java.util.Arrays.fill(bytes, HALF, 2 * HALF, (byte) 0);
		System.arraycopy(twin, twin.length - length, bytes, 2 * HALF - length, length);
		return Base64URL.encode(bytes);
	}

	private static BigInteger s(byte[] signature) {
		return new BigInteger(1, signature, HALF, HALF);
	}

}
