package dev.flux.auth.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.BlockPool;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.FixedBlockPool;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.AbstractValidatingPasswordEncoder;

/**
 * Argon2id in the PHC format of Spring Security's {@code Argon2PasswordEncoder}, computed
 * by Bouncy Castle with memory blocks from a pool that outlives each hash, so that a
 * sign-in leaves no 19 MiB of garbage behind (docs/benchmarks.md, "Password hashing").
 */
final class Argon2idEncoder extends AbstractValidatingPasswordEncoder {

	private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

	private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

	private final SecureRandom random = new SecureRandom();

	private final int saltLength;

	private final int hashLength;

	private final int memoryKib;

	private final int iterations;

	private final BlockPool blocks;

	/**
	 * @param saltLength bytes of salt for new hashes
	 * @param hashLength bytes of hash for new hashes
	 * @param memoryKib memory per hash in KiB (one block per KiB)
	 * @param iterations passes over the memory
	 * @param concurrentHashes how many hashes may run at once without allocating blocks
	 */
	Argon2idEncoder(int saltLength, int hashLength, int memoryKib, int iterations, int concurrentHashes) {
		this.saltLength = saltLength;
		this.hashLength = hashLength;
		this.memoryKib = memoryKib;
		this.iterations = iterations;
		this.blocks = new FixedBlockPool(memoryKib * concurrentHashes);
	}

	@Override
	protected String encodeNonNullPassword(String rawPassword) {
		byte[] salt = new byte[this.saltLength];
		this.random.nextBytes(salt);
		Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withSalt(salt)
			.withParallelism(1)
			.withMemoryAsKB(this.memoryKib)
			.withIterations(this.iterations)
			.build();
		byte[] hash = derive(rawPassword, parameters, this.hashLength);
		return "$argon2id$v=19$m=" + this.memoryKib + ",t=" + this.iterations + ",p=1$" + BASE64.encodeToString(salt)
				+ "$" + BASE64.encodeToString(hash);
	}

	@Override
	protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
		PhcHash stored = PhcHash.parse(encodedPassword);
		if (stored == null) {
			return false;
		}
		byte[] actual = derive(rawPassword, stored.parameters(), stored.hash().length);
		return MessageDigest.isEqual(stored.hash(), actual);
	}

	@Override
	protected boolean upgradeEncodingNonNull(String encodedPassword) {
		PhcHash stored = PhcHash.parse(encodedPassword);
		if (stored == null) {
			throw new IllegalArgumentException("not an Argon2 hash");
		}
		return stored.parameters().getMemory() < this.memoryKib
				|| stored.parameters().getIterations() < this.iterations;
	}

	private byte[] derive(String rawPassword, Argon2Parameters parameters, int length) {
		Argon2Parameters pooled = new Argon2Parameters.Builder(parameters.getType())
			.withVersion(parameters.getVersion())
			.withSalt(parameters.getSalt())
			.withParallelism(parameters.getLanes())
			.withMemoryAsKB(parameters.getMemory())
			.withIterations(parameters.getIterations())
			.withBlockPool(this.blocks)
			.build();
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(pooled);
		byte[] hash = new byte[length];
		generator.generateBytes(rawPassword.getBytes(StandardCharsets.UTF_8), hash);
		return hash;
	}

	/** A decoded {@code $argon2<type>$v=<version>$m=,t=,p=$<salt>$<hash>} string. */
	private record PhcHash(Argon2Parameters parameters, byte[] hash) {

		static @Nullable PhcHash parse(String encoded) {
			String[] parts = encoded.split("\\$");
			if (parts.length != 5 && parts.length != 6) {
				return null;
			}
			int type = switch (parts[1]) {
				case "argon2d" -> Argon2Parameters.ARGON2_d;
				case "argon2i" -> Argon2Parameters.ARGON2_i;
				case "argon2id" -> Argon2Parameters.ARGON2_id;
				default -> -1;
			};
			if (type < 0) {
				return null;
			}
			int next = 2;
			int version = Argon2Parameters.ARGON2_VERSION_10;
			try {
				if (parts[next].startsWith("v=")) {
					version = Integer.parseInt(parts[next++].substring(2));
				}
				String[] costs = parts[next++].split(",");
				if (parts.length != next + 2 || costs.length != 3 || !costs[0].startsWith("m=")
						|| !costs[1].startsWith("t=") || !costs[2].startsWith("p=")) {
					return null;
				}
				Argon2Parameters parameters = new Argon2Parameters.Builder(type).withVersion(version)
					.withMemoryAsKB(Integer.parseInt(costs[0].substring(2)))
					.withIterations(Integer.parseInt(costs[1].substring(2)))
					.withParallelism(Integer.parseInt(costs[2].substring(2)))
					.withSalt(BASE64_DECODER.decode(parts[next]))
					.build();
				return new PhcHash(parameters, BASE64_DECODER.decode(parts[next + 1]));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
