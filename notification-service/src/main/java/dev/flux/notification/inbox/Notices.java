package dev.flux.notification.inbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EmailChanged;
import dev.flux.events.contract.PasswordChanged;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.contract.UserUpdated;
import dev.flux.notification.NotificationProperties;

/**
 * Which events matter to a user's inbox, and what they say: one rule for the inbox, which
 * stores them once cluster-wide, and for every gateway, which pushes them to the user's
 * open sessions. Events not listed here make no notification.
 */
@Component
public class Notices {

	private final String product;

	Notices(NotificationProperties properties) {
		this.product = properties.productName();
	}

	/** The notifications an event's payload gives, none for most events. */
	public List<Notice> of(Object payload, EventEnvelope envelope) {
		return switch (payload) {
			case UserCreated created ->
				List.of(notice(envelope, created.userId(), "welcome", "Welcome to " + this.product,
						"Hi " + created.username() + ", your " + this.product + " account is ready.", Map.of()));
			case UserUpdated updated when updated.changedFields().contains("emailVerified")
					&& updated.emailVerified() ->
				List.of(notice(envelope, updated.userId(), "email_verified", "Email address confirmed",
						"Your email address " + updated.email() + " is confirmed.", Map.of("email", updated.email())));
			case PasswordChanged changed -> List.of(notice(envelope, changed.userId(), "password_changed",
					"Your password was changed",
					"reset".equals(changed.reason())
							? "Your password was reset with a link sent by email, and every other session was signed out."
							: "Your password was changed, and every other session was signed out.",
					Map.of("reason", changed.reason())));
			case EmailChanged changed ->
				List.of(notice(envelope, changed.userId(), "email_changed", "Your email address was changed",
						"Your email address is now " + changed.newEmail() + ".", Map.of("email", changed.newEmail())));
			default -> List.of();
		};
	}

	private static Notice notice(EventEnvelope envelope, UUID userId, String type, String title, String body,
			Map<String, String> data) {
		return Notice.of(envelope.eventId(), userId, type, title, body, data, envelope.occurredAt());
	}

}
