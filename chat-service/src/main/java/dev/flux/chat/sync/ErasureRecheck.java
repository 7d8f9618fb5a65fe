package dev.flux.chat.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases recently deleted users again for a while. A request the user sent just before
 * the deletion, or one another instance let through while it still trusted its cached
 * answer ({@code flux.chat.users.deleted-check}), can commit after {@code user.deleted}
 * was handled and store a membership, a reaction or a read state the handler never saw.
 */
@Component
class ErasureRecheck {

	private static final Logger logger = LoggerFactory.getLogger(ErasureRecheck.class);

	private final JdbcClient jdbc;

	private final UserErasure erasure;

	private final Settings settings;

	private final Clock clock;

	ErasureRecheck(JdbcClient jdbc, UserErasure erasure, Settings settings, Clock clock) {
		this.jdbc = jdbc;
		this.erasure = erasure;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${flux.chat.erasure.recheck-interval:5s}")
	void recheck() {
		Timestamp since = Timestamp.from(this.clock.instant().minus(this.settings.recheckFor()));
		List<UUID> recent = this.jdbc.sql("select user_id from chat_users where deleted and updated_at > ?")
			.param(since)
			.query(UUID.class)
			.list();
		for (UUID userId : recent) {
			try {
				this.erasure.erase(userId);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not erase deleted user {} again (tried again next round): {}", userId,
						ex.toString());
			}
		}
	}

	/**
	 * For how long after the deletion ({@code flux.chat.erasure.recheck-for}, longer than
	 * any request and the deleted-check cache); how often is read by the schedule alone
	 * ({@code flux.chat.erasure.recheck-interval}).
	 */
	@ConfigurationProperties("flux.chat.erasure")
	record Settings(@DefaultValue("10m") Duration recheckFor) {

	}

}
