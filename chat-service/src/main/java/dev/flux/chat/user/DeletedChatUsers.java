package dev.flux.chat.user;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import dev.flux.security.DeletedAccounts;

/**
 * The users whose {@code user.deleted} chat-service handled (its tombstones): their
 * tokens are refused, as in every other service. Every authenticated request asks, so
 * each answer is remembered for {@link Settings#deletedCheck()} (1 s): a client's next
 * calls skip the database. A deletion this instance handles counts at once (the handler
 * marks it here with the tombstone, before its commit); one another instance handled
 * counts here within that second of its commit, on top of the event's own way through the
 * broker.
 */
@Component
class DeletedChatUsers implements DeletedAccounts {

	private final ChatUsers users;

	private final Cache<UUID, Boolean> answers;

	DeletedChatUsers(ChatUsers users, Settings settings) {
		this.users = users;
		this.answers = Caffeine.newBuilder()
			.expireAfterWrite(settings.deletedCheck())
			.maximumSize(settings.deletedCheckUsers())
			.build();
	}

	@Override
	public boolean isDeleted(UUID userId) {
		return this.answers.get(userId, this.users::isDeleted);
	}

	/**
	 * Refuses the user's tokens on this instance from now on; called with the tombstone's
	 * write, before its commit (a load of the old answer racing with it finishes first,
	 * and this replaces it).
	 */
	void deleted(UUID userId) {
		this.answers.put(userId, true);
	}

	/**
	 * How long this instance trusts its last answer about a user's deletion
	 * ({@code flux.chat.users.*}).
	 *
	 * @param deletedCheck how long an answer is remembered; zero asks the database on
	 * every request
	 * @param deletedCheckUsers how many users' answers are remembered at most
	 */
	@ConfigurationProperties("flux.chat.users")
	record Settings(@DefaultValue("1s") Duration deletedCheck, @DefaultValue("100000") long deletedCheckUsers) {

	}

}
