package dev.flux.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import java.net.http.WebSocketHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.DeadLetters;
import dev.flux.events.contract.PasswordResetRequested;
import dev.flux.events.contract.ProfileUpdated;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.contract.UserDeleted;
import dev.flux.notification.email.Mail;
import dev.flux.testsupport.PersonalDataScan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code user.deleted} erases the person from the notification-service: projection,
 * inbox, presence, sent-mail records, outbox log and dead letters; the account's tokens
 * are refused by the API and the gateway from then on, and open sockets are closed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErasureTests extends NotificationServiceTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	DataSource dataSource;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	Mail mail;

	@Autowired
	ApplicationContext context;

	@Test
	void deletionErasesThePersonAndShutsTheirTokenOut(CapturedOutput output) {
		User user = user();
		String displayName = "Ada " + user.username();
		publish(new UserCreated(user.id(), user.username(), user.email(), false), user.id(), 1, "auth-service");
		publish(new ProfileUpdated(user.id(), Set.of("displayName", "bio"), displayName, null, "bio of " + displayName,
				"online"), user.id(), 1, "user-service");
		String poison = UUID.randomUUID().toString();
		publishRaw("user.updated", poison,
				"""
						{"eventId":"%s","type":"user.updated","version":1,"aggregateId":"%s",
						 "payload":{"userId":"%s","username":"%s","email":"%s"}}"""
					.formatted(poison, user.id(), user.id(), user.username(), user.email())
					.getBytes(StandardCharsets.UTF_8));
		await().atMost(PATIENCE).until(() -> mailTo(user.email()).size() == 1 && deadLetter(poison));
		WsClient socket = WsClient.connect(this.port, user.token());
		socket.await("snapshot");
		await().atMost(PATIENCE).until(() -> presenceEvents(user.id()) == 1);
		String[] personal = { user.username(), user.email(), displayName };
		assertThat(new PersonalDataScan(this.dataSource).find(personal)).as("before the deletion").isNotEmpty();

		publish(new UserDeleted(user.id()), user.id(), 2, "auth-service");

		await().atMost(PATIENCE).until(() -> socket.closeCode() == 4010 && tombstone(user.id()));
		long presenceBefore = presenceEvents(user.id());
		assertThat(this.http.get("/api/notifications", user.token()).status()).isEqualTo(401);
		assertThat(handshake(user.token())).as("the gateway refuses the handshake").isEqualTo(401);
		try (WsClient identifying = WsClient.connect(this.port)) {
			UUID identify = identifying.send("identify", Map.of("token", user.token()));
			assertThat(identifying.answer(identify).<String>read("$.type")).isEqualTo("failed_authentication");
			await().atMost(PATIENCE).until(() -> identifying.closeCode() == 4004);
		}
		assertThat(new PersonalDataScan(this.dataSource).find(personal)).isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM presence WHERE user_id = ?")
			.param(user.id())
			.query(Long.class)
			.single()).as("no presence comes back").isZero();
		assertThat(presenceEvents(user.id())).as("and none is published after the deletion").isEqualTo(presenceBefore);
		assertThat(output.getAll().lines().filter((line) -> line.contains("notification.email.")))
			.as("the mail sender's log lines")
			.isNotEmpty()
			.noneMatch((line) -> line.contains(user.email()) || line.contains(user.id().toString()));
	}

	/**
	 * The consumer commits a batch in one transaction while the email log writes in
	 * transactions of its own: a deletion in the batch deletes (and so locks) the
	 * account's email markers, which a later email of the same batch must never wait for.
	 * It does not, since the deletion's tombstone, written in the same transaction, drops
	 * every later email about the account before its marker is touched.
	 */
	@Test
	void aBatchWithAnAccountsCreationDeletionAndAReplayedEmailCompletes() {
		User user = user();
		UUID replayed = UUID.randomUUID();
		// An earlier attempt of the reset email failed: its marker is pending.
		this.jdbc.sql("""
				INSERT INTO outgoing_emails (event_id, kind, user_id, recipient, attempts)
				VALUES (?, 'RESET_PASSWORD', ?, ?, 1)""").params(replayed, user.id(), user.email()).update();
		Lifecycle consumers = this.context.getBean("fluxEventConsumers", Lifecycle.class);
		consumers.stop();
		EventEnvelope created;
		EventEnvelope deleted;
		try {
			created = publish(new UserCreated(user.id(), user.username(), user.email(), false), user.id(), 1,
					"auth-service");
			deleted = publish(new UserDeleted(user.id()), user.id(), 2, "auth-service");
			publish(CODEC.envelope(
					new PasswordResetRequested(user.id(), user.username(), user.email(), "t".repeat(43),
							Instant.now().plusSeconds(600)),
					replayed, Instant.now(), "auth-service", user.id().toString(), 3, UUID.randomUUID(), null));
		}
		finally {
			consumers.start();
		}

		await().atMost(PATIENCE)
			.until(() -> tombstone(user.id()) && handled(created.eventId(), deleted.eventId(), replayed) == 3);
		assertThat(this.jdbc.sql("""
				SELECT count(DISTINCT xmin::text) FROM flux_events.inbox WHERE event_id IN (?, ?, ?)""")
			.params(created.eventId(), deleted.eventId(), replayed)
			.query(Long.class)
			.single()).as("the three events committed in one transaction").isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM outgoing_emails WHERE user_id = ?")
			.param(user.id())
			.query(Long.class)
			.single()).as("the account's email markers are forgotten").isZero();
		assertThat(mailTo(user.email())).as("the welcome email, sent before the deletion; no reset email").hasSize(1);
	}

	@Test
	void forgetsSentMailAfterTheRetention() {
		User user = user();
		this.jdbc.sql("""
				INSERT INTO outgoing_emails (event_id, kind, user_id, recipient, status, created_at)
				VALUES (?, 'WELCOME', ?, ?, 'SENT', now() - interval '15 days')""")
			.params(UUID.randomUUID(), user.id(), user.email())
			.update();
		this.jdbc.sql("""
				INSERT INTO outgoing_emails (event_id, kind, user_id, recipient, status, created_at)
				VALUES (?, 'WELCOME', ?, ?, 'SENT', now() - interval '13 days')""")
			.params(UUID.randomUUID(), user.id(), "recent-" + user.email())
			.update();

		assertThat(this.mail.purgeExpired()).isGreaterThanOrEqualTo(1);

		assertThat(this.jdbc.sql("SELECT recipient FROM outgoing_emails WHERE user_id = ?")
			.param(user.id())
			.query(String.class)
			.list()).containsExactly("recent-" + user.email());
	}

	private boolean deadLetter(String eventId) {
		return this.deadLetters.list(null, 0, 10_000).stream().anyMatch((letter) -> eventId.equals(letter.eventId()));
	}

	private long handled(UUID... eventIds) {
		return this.jdbc.sql("SELECT count(*) FROM flux_events.inbox WHERE event_id = ANY (?::uuid[])")
			.param(Arrays.stream(eventIds).map(UUID::toString).toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	private boolean tombstone(UUID userId) {
		return this.jdbc.sql("SELECT count(*) FROM deleted_recipients WHERE user_id = ?")
			.param(userId)
			.query(Long.class)
			.single() == 1;
	}

	private long presenceEvents(UUID userId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM flux_events.outbox_events
				WHERE aggregate_id = ? AND event_type = 'presence.updated'""")
			.param(userId.toString())
			.query(Long.class)
			.single();
	}

	private int handshake(String token) {
		try (WsClient client = WsClient.connect(this.port, Map.of("Authorization", "Bearer " + token))) {
			throw new AssertionError("The handshake was accepted");
		}
		catch (CompletionException ex) {
			assertThat(ex.getCause()).isInstanceOf(WebSocketHandshakeException.class);
			return ((WebSocketHandshakeException) ex.getCause()).getResponse().statusCode();
		}
	}

}
