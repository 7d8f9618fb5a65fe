package dev.flux.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import java.net.http.WebSocketHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.DeadLetters;
import dev.flux.events.contract.DmCreated;
import dev.flux.events.contract.MemberJoined;
import dev.flux.events.contract.Mentions;
import dev.flux.events.contract.MessageSent;
import dev.flux.events.contract.PasswordResetRequested;
import dev.flux.events.contract.PrivacyUpdated;
import dev.flux.events.contract.RelationshipRequested;
import dev.flux.events.contract.ProfileUpdated;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.contract.UserDeleted;
import dev.flux.events.topology.FluxTopology;
import dev.flux.notification.chat.ChatDirectory;
import dev.flux.notification.email.Mail;
import dev.flux.notification.readstate.ReadStates;
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
	ChatDirectory directory;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ReadStates readStates;

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
	void aBatchWithAnAccountsDeletionAndAReplayedEmailCompletes() throws Exception {
		User user = user();
		UUID replayed = UUID.randomUUID();
		// An earlier attempt of the reset email failed: its marker is pending.
		this.jdbc.sql("""
				INSERT INTO outgoing_emails (event_id, kind, user_id, recipient, attempts)
				VALUES (?, 'RESET_PASSWORD', ?, ?, 1)""").params(replayed, user.id(), user.email()).update();
		// The account's partition is held on user.created, whose write waits for the
		// account's erasure lock held here, until the next two events are delivered
		// behind it: they then make one batch.
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("SELECT flux_erasing(?)").param(user.id()).query().singleRow();
				held.countDown();
				awaitLatch(release);
			}));
		assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
		EventEnvelope created = publish(new UserCreated(user.id(), user.username(), user.email(), false), user.id(), 1,
				"auth-service");
		await().atMost(PATIENCE).until(this::erasureWaits);
		EventEnvelope deleted = publish(new UserDeleted(user.id()), user.id(), 2, "auth-service");
		publish(CODEC.envelope(
				new PasswordResetRequested(user.id(), user.username(), user.email(), "t".repeat(43),
						Instant.now().plusSeconds(600)),
				replayed, Instant.now(), "auth-service", user.id().toString(), 3, UUID.randomUUID(), null));
		await().atMost(PATIENCE).until(() -> readyInPartitions() == 0);
		release.countDown();
		holder.get(30, TimeUnit.SECONDS);

		await().atMost(PATIENCE)
			.until(() -> tombstone(user.id()) && handled(created.eventId(), deleted.eventId(), replayed) == 3);
		assertThat(this.jdbc.sql("""
				SELECT count(DISTINCT xmin::text) FROM flux_events.inbox WHERE event_id IN (?, ?)""")
			.params(deleted.eventId(), replayed)
			.query(Long.class)
			.single()).as("the deletion and the email committed in one transaction").isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM outgoing_emails WHERE user_id = ?")
			.param(user.id())
			.query(Long.class)
			.single()).as("the account's email markers are forgotten").isZero();
		assertThat(mailTo(user.email())).as("the welcome email, sent before the deletion; no reset email").hasSize(1);
	}

	/**
	 * A server's membership event is applied (in its own partition's transaction) while
	 * {@code user.deleted} arrives: the erasure waits for that transaction and removes
	 * what it stored, rather than committing beside it and leaving the membership behind.
	 */
	@Test
	void aMembershipAppliedWhileTheAccountIsErasedIsErasedWithIt() throws Exception {
		User user = user();
		publish(new UserCreated(user.id(), user.username(), user.email(), false), user.id(), 1, "auth-service");
		await().atMost(PATIENCE).until(() -> rows("recipients", user.id()) == 1);
		String serverId = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
		MemberJoined joined = new MemberJoined(serverId, user.id());
		EventEnvelope envelope = CODEC.envelope(joined, UUID.randomUUID(), Instant.now(), "chat-service", serverId, 1,
				UUID.randomUUID(), null);
		CountDownLatch applied = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Void> membership = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((status) -> {
				this.directory.apply(joined, envelope);
				assertThat(rows("chat_members", user.id())).as("the membership, not committed yet").isOne();
				applied.countDown();
				awaitLatch(commit);
			}));
		assertThat(applied.await(30, TimeUnit.SECONDS)).as("the membership applied").isTrue();

		publish(new UserDeleted(user.id()), user.id(), 2, "auth-service");

		await().atMost(PATIENCE).until(() -> erasureWaits() || tombstone(user.id()));
		commit.countDown();
		membership.get(30, TimeUnit.SECONDS);
		await().atMost(PATIENCE).until(() -> tombstone(user.id()));
		assertThat(rows("chat_members", user.id())).as("the deleted account's membership").isZero();
		assertThat(rows("recipients", user.id())).isZero();
	}

	/**
	 * A message that mentions an account (in a DM: every message of the other) is
	 * applied, in its partition's transaction, while {@code user.deleted} arrives: the
	 * erasure waits for that transaction and removes the mention, rather than committing
	 * beside it and leaving the mention behind.
	 */
	@Test
	void aMentionWrittenWhileTheAccountIsErasedIsErasedWithIt() throws Exception {
		erasedWhileWritten("unread_mentions", (user, other, dm) -> new MessageSent(Long.toString(dm + 1), other,
				Long.toString(dm), null, "yours", null, Mentions.none(), null, Instant.now()));
	}

	/**
	 * The account's own message moves its read position while {@code user.deleted}
	 * arrives: the erasure waits for that transaction and removes the position.
	 */
	@Test
	void aReadPositionWrittenWhileTheAccountIsErasedIsErasedWithIt() throws Exception {
		erasedWhileWritten("read_positions", (user, other, dm) -> new MessageSent(Long.toString(dm + 1), user,
				Long.toString(dm), null, "mine", null, Mentions.none(), null, Instant.now()));
	}

	/**
	 * Applies a message of a DM between a new account and another user in a transaction
	 * held open while the account is deleted, and checks the erasure removes the row it
	 * wrote in the table.
	 */
	private void erasedWhileWritten(String table, DmMessage message) throws Exception {
		User user = user();
		User other = user();
		publish(new UserCreated(user.id(), user.username(), user.email(), false), user.id(), 1, "auth-service");
		await().atMost(PATIENCE).until(() -> rows("recipients", user.id()) == 1);
		long dm = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
		EventEnvelope created = publish(
				new DmCreated(Long.toString(dm), "dm", null, null, List.of(user.id(), other.id())), UUID.randomUUID(),
				1, "chat-service");
		await().atMost(PATIENCE).until(() -> handled(created.eventId()) == 1);
		CountDownLatch applied = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Void> writing = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((status) -> {
				this.readStates.messageSent(message.of(user.id(), other.id(), dm));
				assertThat(rows(table, user.id())).as("written, not committed yet").isOne();
				applied.countDown();
				awaitLatch(commit);
			}));
		assertThat(applied.await(30, TimeUnit.SECONDS)).as("the message applied").isTrue();

		publish(new UserDeleted(user.id()), user.id(), 2, "auth-service");

		await().atMost(PATIENCE).until(() -> erasureWaits() || tombstone(user.id()));
		commit.countDown();
		writing.get(30, TimeUnit.SECONDS);
		await().atMost(PATIENCE).until(() -> tombstone(user.id()));
		assertThat(rows(table, user.id())).as("the deleted account's row in " + table).isZero();
	}

	/** A message of a DM between the account and another user. */
	private interface DmMessage {

		MessageSent of(UUID user, UUID other, long dm);

	}

	/**
	 * Events about other things that name the account and arrive after its deletion (a
	 * retry, a slower producer) store nothing of it: no membership, DM seat, read
	 * position, mention, inbox notice or preference.
	 */
	@Test
	void eventsNamingADeletedAccountStoreNothingOfIt() {
		User gone = user();
		User other = user();
		publish(new UserCreated(gone.id(), gone.username(), gone.email(), false), gone.id(), 1, "auth-service");
		publish(new UserDeleted(gone.id()), gone.id(), 2, "auth-service");
		await().atMost(PATIENCE).until(() -> tombstone(gone.id()));
		String dm = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
		String groupDm = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
		String server = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
		String message = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
		UUID dmAggregate = UUID.randomUUID();
		List<EventEnvelope> late = List.of(
				publish(new MemberJoined(server, gone.id()), UUID.randomUUID(), 1, "chat-service"),
				// The DM's events share its partition, so the message never overtakes the
				// DM.
				publish(new DmCreated(dm, "dm", null, null, List.of(gone.id(), other.id())), dmAggregate, 1,
						"chat-service"),
				publish(new DmCreated(groupDm, "group_dm", "The trip", gone.id(), List.of(gone.id(), other.id())),
						UUID.randomUUID(), 1, "chat-service"),
				publish(new MessageSent(message, gone.id(), dm, null, "the last words", null, Mentions.none(), null,
						Instant.now()), dmAggregate, 2, "chat-service"),
				publish(new RelationshipRequested(other.id(), gone.id()), UUID.randomUUID(), 1, "chat-service"),
				publish(new PrivacyUpdated(gone.id(), true, true, false), gone.id(), 3, "user-service"));

		await().atMost(PATIENCE)
			.until(() -> handled(late.stream().map(EventEnvelope::eventId).toArray(UUID[]::new)) == late.size());
		assertThat(new PersonalDataScan(this.dataSource).find(gone.id().toString()))
			.as("where the deleted account's id is stored")
			.allMatch((found) -> found.startsWith("public.deleted_recipients.") || found.startsWith("flux_events."));
		assertThat(rows("dm_members", other.id())).as("the other member of the DM and of the group DM").isEqualTo(2);
	}

	/** A group DM the person owned stays with its other members, without its owner. */
	@Test
	void aGroupDmTheAccountOwnedKeepsNoTraceOfIt() {
		User gone = user();
		User other = user();
		String dm = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
		publish(new UserCreated(gone.id(), gone.username(), gone.email(), false), gone.id(), 1, "auth-service");
		EventEnvelope created = publish(
				new DmCreated(dm, "group_dm", "The trip", gone.id(), List.of(gone.id(), other.id())), UUID.randomUUID(),
				1, "chat-service");
		await().atMost(PATIENCE).until(() -> handled(created.eventId()) == 1);
		assertThat(new PersonalDataScan(this.dataSource).find(gone.id().toString())).as("the owner, before")
			.anyMatch((found) -> found.startsWith("public.dm_channels."));

		publish(new UserDeleted(gone.id()), gone.id(), 2, "auth-service");

		await().atMost(PATIENCE).until(() -> tombstone(gone.id()));
		assertThat(new PersonalDataScan(this.dataSource).find(gone.id().toString()))
			.as("where the deleted account's id is stored")
			.allMatch((found) -> found.startsWith("public.deleted_recipients.") || found.startsWith("flux_events."));
		assertThat(rows("dm_members", other.id())).as("the group DM's other member").isOne();
	}

	/**
	 * A friend request the person sent sits in someone else's inbox with their name: the
	 * erasure takes it out of that inbox too.
	 */
	@Test
	void noticesInOthersInboxesThatNameTheAccountAreErased() {
		User gone = user();
		User other = user();
		String displayName = "Grace " + gone.username();
		publish(new UserCreated(gone.id(), gone.username(), gone.email(), false), gone.id(), 1, "auth-service");
		publish(new ProfileUpdated(gone.id(), Set.of("displayName"), displayName, null, null, "online"), gone.id(), 1,
				"user-service");
		await().atMost(PATIENCE)
			.until(() -> displayName.equals(this.jdbc.sql("SELECT display_name FROM recipients WHERE user_id = ?")
				.param(gone.id())
				.query(String.class)
				.optional()
				.orElse(null)));
		publish(new RelationshipRequested(gone.id(), other.id()), UUID.randomUUID(), 1, "chat-service");
		await().atMost(PATIENCE).until(() -> rows("notifications", other.id()) == 1);
		assertThat(this.http.get("/api/notifications", other.token()).body()).contains(displayName);

		publish(new UserDeleted(gone.id()), gone.id(), 2, "auth-service");

		await().atMost(PATIENCE).until(() -> tombstone(gone.id()));
		assertThat(rows("notifications", other.id())).as("the friend request in the other's inbox").isZero();
		assertThat(new PersonalDataScan(this.dataSource).find(displayName)).isEmpty();
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

	private long rows(String table, UUID userId) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

	/** Events in the service's partitions not delivered to a consumer yet. */
	private long readyInPartitions() {
		RabbitAdmin admin = new RabbitAdmin(this.rabbit);
		return FluxTopology.standard(FluxTopology.DEFAULT_RETRY_TIERS)
			.queueOf("notification")
			.orElseThrow()
			.partitionNames()
			.stream()
			.mapToLong((partition) -> admin.getQueueInfo(partition).getMessageCount())
			.sum();
	}

	/** Whether a transaction waits for an account's erasure lock (V100). */
	private boolean erasureWaits() {
		return this.jdbc.sql("""
				SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = 1181512056""")
			.query(Long.class)
			.single() > 0;
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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
