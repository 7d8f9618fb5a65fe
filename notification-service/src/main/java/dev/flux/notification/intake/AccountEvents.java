package dev.flux.notification.intake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.DeadLetters;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.EmailChanged;
import dev.flux.events.contract.PasswordChanged;
import dev.flux.events.contract.PasswordResetRequested;
import dev.flux.events.contract.ProfileUpdated;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.contract.UserDeleted;
import dev.flux.events.contract.UserUpdated;
import dev.flux.events.contract.VerificationRequested;
import dev.flux.events.outbox.Outbox;
import dev.flux.notification.NotificationProperties;
import dev.flux.notification.email.EmailKind;
import dev.flux.notification.email.Mail;
import dev.flux.notification.inbox.Inbox;
import dev.flux.notification.inbox.Notices;
import dev.flux.notification.presence.Presence;
import dev.flux.notification.recipient.Recipients;

/**
 * One handler per consumed event type. Each runs in the consumer's transaction with the
 * inbox row that makes it happen once per event: the projection and the inbox first, the
 * email (an effect outside the database) last, so a failed send rolls the rest back and
 * the whole event is tried again.
 */
@Configuration(proxyBeanMethods = false)
class AccountEvents {

	private static final Logger logger = LoggerFactory.getLogger(AccountEvents.class);

	private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Recipients recipients;

	private final Inbox inbox;

	private final Notices notices;

	private final Mail mail;

	private final Presence presence;

	private final NotificationProperties product;

	private final Outbox outbox;

	private final DeadLetters deadLetters;

	AccountEvents(Recipients recipients, Inbox inbox, Notices notices, Mail mail, Presence presence,
			NotificationProperties product, Outbox outbox, DeadLetters deadLetters) {
		this.outbox = outbox;
		this.deadLetters = deadLetters;
		this.recipients = recipients;
		this.inbox = inbox;
		this.notices = notices;
		this.mail = mail;
		this.presence = presence;
		this.product = product;
	}

	@Bean
	EventHandler<UserCreated> userCreated() {
		return handler(UserCreated.class, UserCreated::userId, (created, envelope) -> {
			this.recipients.accountCreated(created, envelope.aggregateVersion());
			notify(created, envelope);
			this.mail.send(envelope, EmailKind.WELCOME, created.userId(), created.email(),
					Map.of("username", created.username()));
		});
	}

	@Bean
	EventHandler<UserUpdated> userUpdated() {
		return handler(UserUpdated.class, UserUpdated::userId, (updated, envelope) -> {
			this.recipients.accountUpdated(updated, envelope.aggregateVersion());
			notify(updated, envelope);
		});
	}

	@Bean
	EventHandler<UserDeleted> userDeleted() {
		return handler(UserDeleted.class, (deleted) -> null, (deleted, envelope) -> {
			this.recipients.forget(deleted.userId());
			this.inbox.forget(deleted.userId());
			this.presence.forget(deleted.userId());
			this.mail.forget(deleted.userId());
			this.outbox.erase(deleted.userId().toString());
			this.deadLetters.erase(deleted.userId().toString());
		});
	}

	@Bean
	EventHandler<VerificationRequested> verificationRequested() {
		return handler(VerificationRequested.class, VerificationRequested::userId,
				(requested, envelope) -> this.mail.send(envelope, EmailKind.VERIFY_EMAIL, requested.userId(),
						requested.email(), Map.of("username", requested.username(), "email", requested.email(), "link",
								link("/verify-email", requested.token()), "expiresAt", expiry(requested.expiresAt()))));
	}

	@Bean
	EventHandler<PasswordResetRequested> passwordResetRequested() {
		return handler(PasswordResetRequested.class, PasswordResetRequested::userId,
				(requested, envelope) -> this.mail.send(envelope, EmailKind.RESET_PASSWORD, requested.userId(),
						requested.email(),
						Map.of("username", requested.username(), "link", link("/reset-password", requested.token()),
								"expiresAt", expiry(requested.expiresAt()))));
	}

	@Bean
	EventHandler<PasswordChanged> passwordChanged() {
		return handler(PasswordChanged.class, PasswordChanged::userId, (changed, envelope) -> {
			notify(changed, envelope);
			this.mail.send(envelope, EmailKind.PASSWORD_CHANGED, changed.userId(), changed.email(),
					Map.of("username", changed.username(), "what",
							"reset".equals(changed.reason())
									? "Your password was reset with a link we sent to this address."
									: "Your password was changed."));
		});
	}

	@Bean
	EventHandler<EmailChanged> emailChanged() {
		return handler(EmailChanged.class, EmailChanged::userId, (changed, envelope) -> {
			notify(changed, envelope);
			this.mail.send(envelope, EmailKind.EMAIL_CHANGED, changed.userId(), changed.previousEmail(), Map.of(
					"username", changed.username(), "newEmail", changed.newEmail(), "takebackLink",
					takebackLink(changed), "takebackExpiresAt",
					(changed.takebackExpiresAt() != null) ? expiry(changed.takebackExpiresAt()) : "it is used"));
		});
	}

	@Bean
	EventHandler<ProfileUpdated> profileUpdated() {
		return handler(ProfileUpdated.class, ProfileUpdated::userId,
				(profile, envelope) -> this.recipients.profileUpdated(profile, envelope.aggregateVersion()));
	}

	private void notify(Object payload, EventEnvelope envelope) {
		this.notices.of(payload, envelope).forEach(this.inbox::add);
	}

	/** The takeback page, or forgot-password from a producer that offers no takeback. */
	private String takebackLink(EmailChanged changed) {
		return (changed.takebackToken() != null) ? link("/take-back", changed.takebackToken())
				: this.product.link("/forgot-password");
	}

	private String link(String path, String token) {
		return this.product.link(path) + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
	}

	private static String expiry(Instant expiresAt) {
		return EXPIRY.format(expiresAt);
	}

	/**
	 * A handler that drops events about an account already deleted (no user: never
	 * dropped).
	 */
	private <P> EventHandler<P> handler(Class<P> type, Function<P, @Nullable UUID> user,
			BiConsumer<P, EventEnvelope> body) {
		return new EventHandler<>() {

			@Override
			public Class<P> payloadType() {
				return type;
			}

			@Override
			public void handle(P payload, EventEnvelope envelope) {
				UUID userId = user.apply(payload);
				if (userId != null && AccountEvents.this.recipients.deleted(userId)) {
					logger.info("Dropped {} {} about a deleted account", envelope.type(), envelope.eventId());
					return;
				}
				body.accept(payload, envelope);
			}

		};
	}

}
