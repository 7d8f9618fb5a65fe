package dev.flux.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SingleUseTokenTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant EXPIRY = NOW.plus(Duration.ofHours(1));

	@Test
	void worksOnceBeforeItExpires() {
		Code code = new Code(UUID.randomUUID(), NOW, EXPIRY);
		assertThat(code.isNew()).isTrue();
		assertThat(code.isUsable(NOW)).isTrue();
		assertThat(code.isUsable(EXPIRY)).isFalse();
		code.use(NOW);
		assertThat(code.isUsed()).isTrue();
		assertThat(code.isUsable(NOW)).isFalse();
	}

	@Test
	void givesEachTokenItsOwnIdAndKeepsItsUser() {
		UUID user = UUID.randomUUID();
		Code one = new Code(user, NOW, EXPIRY);
		Code two = new Code(user, NOW, EXPIRY);
		assertThat(one.getId()).isNotEqualTo(two.getId());
		assertThat(one.userId()).isEqualTo(user);
	}

	@Test
	void aReplaceableTokenStopsWorkingOnceReplaced() throws Exception {
		Reset reset = new Reset(UUID.randomUUID(), NOW, EXPIRY);
		assertThat(reset.isUsable(NOW)).isTrue();
		var invalidatedAt = ReplaceableToken.class.getDeclaredField("invalidatedAt");
		invalidatedAt.setAccessible(true);
		invalidatedAt.set(reset, NOW);
		assertThat(reset.isUsable(NOW)).isFalse();
	}

	static final class Code extends SingleUseToken {

		Code(UUID userId, Instant now, Instant expiresAt) {
			super(userId, new byte[32], now, expiresAt);
		}

	}

	static final class Reset extends ReplaceableToken {

		Reset(UUID userId, Instant now, Instant expiresAt) {
			super(userId, new byte[32], now, expiresAt);
		}

	}

}
