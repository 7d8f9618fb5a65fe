package dev.flux.notification.security;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.notification.recipient.Recipients;
import dev.flux.security.DeletedAccounts;

/**
 * The deleted accounts this service learned of from {@code user.deleted}: their tokens
 * are refused by the API and the gateway alike.
 */
@Component
class DeletedRecipients implements DeletedAccounts {

	private final Recipients recipients;

	DeletedRecipients(Recipients recipients) {
		this.recipients = recipients;
	}

	@Override
	public boolean isDeleted(UUID userId) {
		return this.recipients.deleted(userId);
	}

}
