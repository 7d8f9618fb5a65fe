package dev.flux.chat.user;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.security.DeletedAccounts;

/**
 * The users whose {@code user.deleted} chat-service handled (its tombstones): their
 * tokens are refused, as in every other service.
 */
@Component
class DeletedChatUsers implements DeletedAccounts {

	private final ChatUsers users;

	DeletedChatUsers(ChatUsers users) {
		this.users = users;
	}

	@Override
	public boolean isDeleted(UUID userId) {
		return this.users.isDeleted(userId);
	}

}
