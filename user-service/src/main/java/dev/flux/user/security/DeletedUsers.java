package dev.flux.user.security;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.security.DeletedAccounts;
import dev.flux.user.profile.ProfileSync;

/**
 * The users whose {@code user.deleted} this service handled (its tombstones): their
 * tokens are refused.
 */
@Component
class DeletedUsers implements DeletedAccounts {

	private final ProfileSync sync;

	DeletedUsers(ProfileSync sync) {
		this.sync = sync;
	}

	@Override
	public boolean isDeleted(UUID userId) {
		return this.sync.isDeleted(userId);
	}

}
