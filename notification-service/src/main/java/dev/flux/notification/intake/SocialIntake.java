package dev.flux.notification.intake;

import java.util.function.BiConsumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.DmCreated;
import dev.flux.events.contract.DmDeleted;
import dev.flux.events.contract.DmUpdated;
import dev.flux.events.contract.PrivacyUpdated;
import dev.flux.events.contract.RelationshipAccepted;
import dev.flux.events.contract.RelationshipRequested;
import dev.flux.notification.social.DmChannel;
import dev.flux.notification.social.SocialDirectory;

/**
 * The social events the service consumes: who is in each DM channel ({@code dm.*}),
 * whether a user wants notifications ({@code profile.privacy_updated}), and the friend
 * requests and acceptances that make inbox notices.
 */
@Configuration(proxyBeanMethods = false)
class SocialIntake {

	@Bean
	EventHandler<PrivacyUpdated> privacyUpdatedHandler(SocialDirectory directory) {
		return handler(PrivacyUpdated.class, (privacy, envelope) -> directory.preferenceChanged(privacy.userId(),
				privacy.notificationsEnabled(), envelope.aggregateVersion()));
	}

	@Bean
	EventHandler<DmCreated> dmCreatedHandler(SocialDirectory directory) {
		return handler(DmCreated.class,
				(created, envelope) -> directory.dmChanged(DmChannel.of(created), envelope.aggregateVersion()));
	}

	@Bean
	EventHandler<DmUpdated> dmUpdatedHandler(SocialDirectory directory) {
		return handler(DmUpdated.class,
				(updated, envelope) -> directory.dmChanged(DmChannel.of(updated), envelope.aggregateVersion()));
	}

	@Bean
	EventHandler<DmDeleted> dmDeletedHandler(SocialDirectory directory) {
		return handler(DmDeleted.class, (deleted, envelope) -> directory.dmDeleted(Long.parseLong(deleted.channelId()),
				envelope.aggregateVersion()));
	}

	@Bean
	EventHandler<RelationshipRequested> relationshipRequestedHandler(InboxDelivery inbox) {
		return handler(RelationshipRequested.class, inbox::deliver);
	}

	@Bean
	EventHandler<RelationshipAccepted> relationshipAcceptedHandler(InboxDelivery inbox) {
		return handler(RelationshipAccepted.class, inbox::deliver);
	}

	private static <P> EventHandler<P> handler(Class<P> type, BiConsumer<P, EventEnvelope> apply) {
		return new EventHandler<>() {

			@Override
			public Class<P> payloadType() {
				return type;
			}

			@Override
			public void handle(P payload, EventEnvelope envelope) {
				apply.accept(payload, envelope);
			}

		};
	}

}
