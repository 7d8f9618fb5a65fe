package dev.flux.auth.account;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.security.DeletedAccounts;

/**
 * Refuses the still-valid access tokens of deleted accounts from the moment of deletion.
 */
@Component
class DeletedAccountTokens implements DeletedAccounts {

	private final Accounts accounts;

	DeletedAccountTokens(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public boolean isDeleted(UUID userId) {
		return this.accounts.deleted(userId);
	}

}
