package dev.flux.notification.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EmailChanged;
import dev.flux.events.contract.MessageSent;
import dev.flux.events.contract.PasswordChanged;
import dev.flux.events.contract.RelationshipAccepted;
import dev.flux.events.contract.RelationshipRequested;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.contract.UserUpdated;
import dev.flux.notification.NotificationProperties;
import dev.flux.notification.chat.Audience;
import dev.flux.notification.chat.ChatDirectory;
import dev.flux.notification.recipient.ProfileSummary;
import dev.flux.notification.recipient.Recipients;
import dev.flux.notification.social.SocialDirectory;

/**
 * Which events matter to a user's inbox, and what they say: one rule for the inbox, which
 * stores them once cluster-wide, and for every gateway, which pushes them to the user's
 * open sessions. Events not listed here make no notification.
 */
@Component
public class Notices {

	/** How much of a message a mention notice quotes. */
	static final int QUOTE_LENGTH = 200;

	private final String product;

	private final ChatDirectory chat;

	private final SocialDirectory social;

	private final Recipients recipients;

	Notices(NotificationProperties properties, ChatDirectory chat, SocialDirectory social, Recipients recipients) {
		this.product = properties.productName();
		this.chat = chat;
		this.social = social;
		this.recipients = recipients;
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
			case RelationshipRequested requested -> social(envelope, requested.toUserId(), "friend_request",
					"New friend request", name(requested.fromUserId()) + " sent you a friend request.",
					Map.of("userId", requested.fromUserId().toString()));
			case RelationshipAccepted accepted -> social(envelope, accepted.friendId(), "friend_accepted",
					"Friend request accepted", name(accepted.userId()) + " accepted your friend request.",
					Map.of("userId", accepted.userId().toString()));
			case MessageSent sent when sent.serverId() == null -> directMessage(sent, envelope);
			case MessageSent sent -> mentions(sent, envelope);
			default -> List.of();
		};
	}

	/** A {@code mention} for every user the message mentions who may view the channel. */
	private List<Notice> mentions(MessageSent sent, EventEnvelope envelope) {
		Set<UUID> mentioned = this.chat.mentioned(sent);
		if (mentioned.isEmpty()) {
			return List.of();
		}
		String quote = (sent.content().length() > QUOTE_LENGTH) ? sent.content().substring(0, QUOTE_LENGTH) + "…"
				: sent.content();
		Map<String, String> data = new java.util.HashMap<>(Map.of("messageId", sent.messageId(), "channelId",
				sent.channelId(), "authorId", sent.authorId().toString()));
		if (sent.serverId() != null) {
			data.put("serverId", sent.serverId());
		}
		return mentioned.stream()
			.map((user) -> notice(envelope, user, "mention", "You were mentioned", quote, data))
			.toList();
	}

	/**
	 * A {@code direct_message} for every other member of the DM who has no gateway
	 * session open (one who has sees the message live) and wants notifications.
	 */
	private List<Notice> directMessage(MessageSent sent, EventEnvelope envelope) {
		Audience audience = this.chat.audience(Long.parseLong(sent.channelId())).orElse(null);
		if (audience == null) {
			return List.of();
		}
		Map<String, String> data = Map.of("messageId", sent.messageId(), "channelId", sent.channelId(), "authorId",
				sent.authorId().toString());
		String title = "New message from " + name(sent.authorId());
		return audience.viewers()
			.stream()
			.filter((user) -> !user.equals(sent.authorId()))
			.filter((user) -> this.social.wantsNotifications(user) && !this.social.connected(user))
			.map((user) -> notice(envelope, user, "direct_message", title, quote(sent.content()), data))
			.toList();
	}

	/** One notice of a friend event, unless its user turned notifications off. */
	private List<Notice> social(EventEnvelope envelope, UUID userId, String type, String title, String body,
			Map<String, String> data) {
		return this.social.wantsNotifications(userId) ? List.of(notice(envelope, userId, type, title, body, data))
				: List.of();
	}

	private String name(UUID userId) {
		ProfileSummary summary = this.recipients.summary(userId);
		return (summary.displayName() != null) ? summary.displayName() : "Someone";
	}

	private static String quote(String content) {
		return (content.length() > QUOTE_LENGTH) ? content.substring(0, QUOTE_LENGTH) + "…" : content;
	}

	private static Notice notice(EventEnvelope envelope, UUID userId, String type, String title, String body,
			Map<String, String> data) {
		return Notice.of(envelope.eventId(), userId, type, title, body, data, envelope.occurredAt());
	}

}
