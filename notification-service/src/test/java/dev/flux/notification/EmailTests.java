package dev.flux.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.DeadLetter;
import dev.flux.events.consumer.DeadLetters;
import dev.flux.events.contract.EmailChanged;
import dev.flux.events.contract.EmailConflict;
import dev.flux.events.contract.PasswordChanged;
import dev.flux.events.contract.PasswordResetRequested;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.contract.VerificationRequested;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Emails from account events: the exact messages, once per event however often it is
 * delivered, retried while SMTP is down, and bad events dead-lettered without a crash.
 */
class EmailTests extends NotificationServiceTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	DeadLetters deadLetters;

	@Test
	void registrationSendsTheWelcomeAndVerificationEmailsOnceEvenWhenDeliveredTwice() throws Exception {
		User user = user();
		EventEnvelope created = publish(new UserCreated(user.id(), user.username(), user.email(), false), user.id(), 1,
				"auth-service");
		EventEnvelope verification = publish(new VerificationRequested(user.id(), user.username(), user.email(),
				"tok+en/1=" + "x".repeat(40), Instant.parse("2026-03-01T10:15:00Z")), user.id(), 2, "auth-service");
		publish(created);
		publish(verification);

		await().atMost(PATIENCE).until(() -> mailTo(user.email()).size() >= 2);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> emailsHandled(user.id()) == 2);
		List<MimeMessage> received = mailTo(user.email());
		assertThat(received).hasSize(2);
		MimeMessage welcome = bySubject(received, "Welcome to Flux");
		assertThat(welcome.getFrom()[0].toString()).isEqualTo("Flux <no-reply@flux.local>");
		assertThat(text(welcome)).isEqualTo("Hi " + user.username() + ",\n\nyour Flux account is ready. Sign in at "
				+ "https://chat.example/ and say hello.\n\nThe Flux team\n");
		assertThat(welcome.getMessageID()).isEqualTo("<" + created.eventId() + ".welcome@flux.notification>");
		MimeMessage verify = bySubject(received, "Confirm your email address for Flux");
		assertThat(text(verify)).contains("please confirm that " + user.email() + " is your address")
			.contains("https://chat.example/verify-email?token=tok%2Ben%2F1%3D" + "x".repeat(40) + "\n")
			.contains("expires at 2026-03-01 10:15 UTC");
		assertThat(html(verify))
			.contains("<a href=\"https://chat.example/verify-email?token=tok%2Ben%2F1%3D" + "x".repeat(40) + "\">");
		assertThat(this.jdbc.sql("SELECT count(*) FROM outgoing_emails WHERE user_id = ? AND status = 'SENT'")
			.param(user.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void sendsTheResetAndChangeNoticesToTheRightAddresses() throws Exception {
		User user = user();
		String previous = "old-" + user.email();
		publish(new PasswordResetRequested(user.id(), user.username(), user.email(), "reset-token-" + "r".repeat(40),
				Instant.parse("2026-03-01T11:00:00Z")), user.id(), 3, "auth-service");
		publish(new PasswordChanged(user.id(), user.username(), user.email(), "reset"), user.id(), 4, "auth-service");
		publish(new EmailChanged(user.id(), user.username(), previous, user.email(), "takeback-" + "t".repeat(40),
				Instant.parse("2026-03-08T11:00:00Z")), user.id(), 5, "auth-service");

		await().atMost(PATIENCE).until(() -> mailTo(user.email()).size() == 2 && mailTo(previous).size() == 1);
		List<MimeMessage> received = mailTo(user.email());
		assertThat(text(bySubject(received, "Reset your Flux password")))
			.contains("https://chat.example/reset-password?token=reset-token-" + "r".repeat(40) + "\n");
		assertThat(text(bySubject(received, "Your Flux password was changed")))
			.contains("Your password was reset with a link we sent to this address.")
			.contains("reset your password at once: https://chat.example/forgot-password");
		MimeMessage notice = mailTo(previous).get(0);
		assertThat(text(notice)).contains("was changed from this one to " + user.email() + ".")
			.contains("take your account back: https://chat.example/take-back?token=takeback-" + "t".repeat(40) + "\n")
			.contains("It works until 2026-03-08 11:00 UTC.");
		assertThat(html(notice))
			.contains("<a href=\"https://chat.example/take-back?token=takeback-" + "t".repeat(40) + "\">");
	}

	@Test
	void tellsTheOwnerOfAnAddressThatSomeoneTriedToUseIt() throws Exception {
		User user = user();
		publish(new EmailConflict(user.id(), user.username(), user.email(), "registration"), user.id(), 2,
				"auth-service");
		publish(new EmailConflict(user.id(), user.username(), user.email(), "email_change"), user.id(), 3,
				"auth-service");

		await().atMost(PATIENCE).until(() -> mailTo(user.email()).size() == 2);
		List<String> texts = new java.util.ArrayList<>();
		for (MimeMessage message : mailTo(user.email())) {
			texts.add(text(message));
		}
		assertThat(texts)
			.anySatisfy((text) -> assertThat(text).contains("someone tried to create a new Flux account with this")
				.contains("https://chat.example/forgot-password"))
			.anySatisfy(
					(text) -> assertThat(text).contains("someone tried to move another Flux account to this address"));
	}

	@Test
	void retriesWhileSmtpIsDownAndSendsOnceWhenItIsBack() throws Exception {
		User user = user();
		stopMail();
		try {
			publish(new UserCreated(user.id(), user.username(), user.email(), true), user.id(), 1, "auth-service");

			await().atMost(PATIENCE).until(() -> attempts(user.id()) >= 2);
			assertThat(this.jdbc.sql("SELECT status FROM outgoing_emails WHERE user_id = ?")
				.param(user.id())
				.query(String.class)
				.single()).isEqualTo("PENDING");
		}
		finally {
			restartMail();
		}

		await().atMost(PATIENCE).until(() -> mailTo(user.email()).size() == 1);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> mailTo(user.email()).size() == 1);
		assertThat(bySubject(mailTo(user.email()), "Welcome to Flux")).isNotNull();
	}

	@Test
	void deadLettersAnEventThatCanNeverBeHandledAndKeepsConsuming() {
		String messageId = UUID.randomUUID().toString();
		String bad = """
				{"eventId":"%s","type":"user.created","version":1,"occurredAt":"2026-01-01T00:00:00Z",
				 "producer":"auth-service","aggregateId":"x","aggregateVersion":1,
				 "correlationId":"%s","causationId":null,"payload":{"userId":"not-a-uuid"}}
				""".formatted(messageId, UUID.randomUUID());
		publishRaw("user.created", messageId, bad.getBytes(StandardCharsets.UTF_8));
		User next = user();
		publish(new UserCreated(next.id(), next.username(), next.email(), false), next.id(), 1, "auth-service");

		DeadLetter dead = await().atMost(PATIENCE)
			.until(() -> this.deadLetters.list("DEAD", 0, 1000)
				.stream()
				.filter((letter) -> messageId.equals(letter.eventId()))
				.findFirst()
				.orElse(null), (letter) -> letter != null);
		assertThat(dead.routingKey()).isEqualTo("user.created");
		await().atMost(PATIENCE).until(() -> mailTo(next.email()).size() == 1);
	}

	private long emailsHandled(UUID userId) {
		return this.jdbc.sql("SELECT count(*) FROM outgoing_emails WHERE user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

	private int attempts(UUID userId) {
		return this.jdbc.sql("SELECT coalesce(max(attempts), 0) FROM outgoing_emails WHERE user_id = ?")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	private static MimeMessage bySubject(List<MimeMessage> messages, String subject) throws MessagingException {
		for (MimeMessage message : messages) {
			if (subject.equals(message.getSubject())) {
				return message;
			}
		}
		throw new AssertionError("No message with subject '" + subject + "' among " + messages.size());
	}

	static String text(MimeMessage message) throws MessagingException, IOException {
		return part(message, "text/plain").replace("\r\n", "\n");
	}

	static String html(MimeMessage message) throws MessagingException, IOException {
		return part(message, "text/html");
	}

	private static String part(MimeMessage message, String type) throws MessagingException, IOException {
		String found = find(message.getContent(), type);
		if (found == null) {
			throw new AssertionError("No " + type + " part");
		}
		return found;
	}

	private static String find(Object content, String type) throws MessagingException, IOException {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType(type)) {
					return (String) part.getContent();
				}
				String nested = find(part.getContent(), type);
				if (nested != null) {
					return nested;
				}
			}
		}
		return null;
	}

}
