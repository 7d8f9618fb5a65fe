package dev.flux.notification.intake;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.ProfileUpdated;
import dev.flux.notification.recipient.Recipients;

/** {@code profile.updated}: the recipient's display name and avatar for notices. */
@Component
class ProfileUpdatedHandler extends AccountEventHandler<ProfileUpdated> {

	private final Recipients recipients;

	ProfileUpdatedHandler(Recipients recipients) {
		super(recipients);
		this.recipients = recipients;
	}

	@Override
	UUID account(ProfileUpdated profile) {
		return profile.userId();
	}

	@Override
	void apply(ProfileUpdated profile, EventEnvelope envelope) {
		this.recipients.profileUpdated(profile, envelope.aggregateVersion());
	}

}
